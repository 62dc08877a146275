import type Docker from "dockerode";
import { trustedContainers } from "../docker/label-trust";
import { describeOwner, LABELS, MANAGED_BY } from "../docker/labels";
import type { GpuHolding } from "./gpu-allocation";

/**
 * Who holds which GPUs on this daemon, rebuilt from the labels of berth's
 * containers — running or not: a container keeps its GPUs until removed.
 * Never from process memory: every `pulumi up` is a new process, and several
 * stacks share a host.
 */
export async function gpuHoldings(docker: Docker): Promise<GpuHolding[]> {
  const listed = await docker.listContainers({ all: true, filters: { label: [`${LABELS.managedBy}=${MANAGED_BY}`, LABELS.gpus] } });
  return (await trustedContainers(docker, listed)).map((c) => ({ holder: describeOwner(c.Labels), ids: c.Labels[LABELS.gpus].split(",").filter(Boolean) }));
}
