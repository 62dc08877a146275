import { z } from "zod";
import type { HostProps } from "../host/host-schema";

/** A count of GPUs, or explicit GPU ids of the host's inventory. */
export const gpuRequestSchema = z
  .union([z.number().int().min(0, "must be 0 or more GPUs"), z.array(z.string().min(1)).min(1, "must name at least one GPU id, or be a count")], {
    error: "must be a GPU count (e.g. 2) or GPU ids (e.g. [\"0\", \"3\"])",
  })
  .default(0);

export type GpuRequestProps = z.infer<typeof gpuRequestSchema>;

export const wantsGpus = (request: GpuRequestProps) => (typeof request === "number" ? request > 0 : request.length > 0);

/** What `check` can tell from the inventory alone, before anything is allocated. */
export function gpuRequestProblem(host: HostProps, request: GpuRequestProps): string | undefined {
  if (!wantsGpus(request)) return undefined;
  const inventory = host.gpus;
  if (!inventory) return `asks for GPUs but host ${host.url} has no GPU inventory; add \`host.gpus\`, e.g. { vendor: "nvidia", ids: ["0", "1"] }`;
  if (typeof request === "number" && request > inventory.ids.length) {
    return `asks for ${request} GPUs but host ${host.url} has ${inventory.ids.length} (${inventory.ids.join(",")})`;
  }
  const unknown = typeof request === "number" ? [] : request.filter((id) => !inventory.ids.includes(id));
  if (unknown.length > 0) return `names GPU ids ${unknown.join(",")} that host ${host.url} does not have (it has ${inventory.ids.join(",")})`;
  return undefined;
}
