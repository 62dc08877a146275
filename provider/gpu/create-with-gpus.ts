import type Docker from "dockerode";
import type { HostProps } from "../host/host-schema";
import { allocateGpus } from "./gpu-allocation";
import { gpuHoldings, withGpuLock } from "./gpu-pool";
import { wantsGpus, type GpuRequestProps } from "./gpu-request";

/**
 * Creates a container that holds the GPUs it asks for. Reading who holds what
 * and creating the labelled container happen under the daemon's allocation
 * lock, so concurrent creates — from any process or stack — never get the
 * same GPU. The GPUs are released by removing the container.
 */
export async function createWithGpus(
  docker: Docker,
  host: HostProps,
  request: GpuRequestProps,
  image: string,
  create: (gpuIds: string[]) => Promise<Docker.Container>,
): Promise<{ container: Docker.Container; gpuIds: string[] }> {
  if (!wantsGpus(request)) return { container: await create([]), gpuIds: [] };
  const inventory = host.gpus;
  if (!inventory) throw new Error(`\`gpus\` asks for GPUs but host ${host.url} has no GPU inventory`);
  return withGpuLock(docker, image, async () => {
    const allocation = allocateGpus(inventory.ids, await gpuHoldings(docker), request);
    if (!allocation.ids) throw new Error(`\`gpus\` ${allocation.error}`);
    return { container: await create(allocation.ids), gpuIds: allocation.ids };
  });
}

/** Docker's answer when a daemon cannot run a vendor's GPUs, said in the user's terms. */
export function gpuStartProblem(message: string, host: HostProps): string | undefined {
  if (!/could not select device driver|error gathering device information|no such file or directory.*\/dev\//i.test(message)) return undefined;
  const vendor = host.gpus?.vendor ?? "GPU";
  return `the daemon on ${host.url} cannot run ${vendor} GPUs (${message.trim()}); install the ${vendor} container runtime there, fix \`host.gpus\`, or remove \`gpus\``;
}
