import type Docker from "dockerode";
import { withAllocationLock } from "../docker/allocation-lock";
import type { HostProps } from "../host/host-schema";
import { allocateGpus } from "./gpu-allocation";
import { gpuHoldings } from "./gpu-holdings";
import { wantsGpus, type GpuRequestProps } from "./gpu-request";

/** GPU ids for a request, from the holdings now; call it under the allocation lock. */
export async function allocateGpuIds(docker: Docker, host: HostProps, request: GpuRequestProps): Promise<string[]> {
  if (!wantsGpus(request)) return [];
  const inventory = host.gpus;
  if (!inventory) throw new Error(`\`gpus\` asks for GPUs but host ${host.url} has no GPU inventory`);
  const allocation = allocateGpus(inventory.ids, await gpuHoldings(docker), request);
  if (!allocation.ids) throw new Error(`\`gpus\` ${allocation.error}`);
  return allocation.ids;
}

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
  return withAllocationLock(docker, image, async () => {
    const gpuIds = await allocateGpuIds(docker, host, request);
    return { container: await create(gpuIds), gpuIds };
  });
}

/** Docker's answer when a daemon cannot run a vendor's GPUs, said in the user's terms with the fix for that vendor. */
export function gpuStartProblem(message: string, host: HostProps): string | undefined {
  const reason = message.trim();
  if (/could not select device driver/i.test(reason)) {
    return `the daemon on ${host.url} cannot run nvidia GPUs (${reason}): install the NVIDIA Container Toolkit there and register it with Docker (\`nvidia-ctk runtime configure --runtime=docker\`, then restart dockerd), fix \`host.gpus\`, or remove \`gpus\``;
  }
  const missingNode = /error gathering device information while adding custom device "([^"]+)"/i.exec(reason)?.[1];
  if (missingNode !== undefined) {
    const vendor = host.gpus?.vendor ?? "GPU";
    return `the daemon on ${host.url} has no device node ${missingNode} for its ${vendor} GPUs (${reason}): check that the GPU driver is loaded there (\`ls /dev/dri\`${vendor === "amd" ? " and `/dev/kfd`" : ""}), or map each GPU id to its nodes with \`host.gpus.devices\`, e.g. \`{ "0": ["/dev/dri/renderD129"] }\``;
  }
  return undefined;
}
