/** Who holds which GPUs on a host, rebuilt from container labels. */
export interface GpuHolding {
  holder: string;
  ids: string[];
}

export type GpuRequest = number | string[];

export interface GpuAllocation {
  ids?: string[];
  error?: string;
}

/**
 * Picks GPUs for a request from an inventory, given who holds what: the
 * lowest free ids for a count, the exact ids when named. All or nothing; ids
 * outside the inventory are ignored in holdings. Pure arithmetic.
 */
export function allocateGpus(inventory: readonly string[], holdings: readonly GpuHolding[], request: GpuRequest): GpuAllocation {
  const held = new Map<string, string>();
  for (const h of holdings) for (const id of h.ids) if (inventory.includes(id)) held.set(id, h.holder);
  const free = inventory.filter((id) => !held.has(id));
  const holders = () =>
    holdings
      .map((h) => ({ holder: h.holder, ids: h.ids.filter((id) => inventory.includes(id)) }))
      .filter((h) => h.ids.length > 0)
      .map((h) => `${h.holder} holds ${h.ids.join(",")}`)
      .join("; ");

  const gpus = (n: number) => `${n} GPU${n === 1 ? "" : "s"}`;
  if (typeof request === "number") {
    if (request === 0) return { ids: [] };
    if (request > inventory.length) return { error: `asks for ${gpus(request)} but the host has ${inventory.length} (${inventory.join(",")})` };
    if (request > free.length) return { error: `asks for ${gpus(request)} but only ${free.length} of ${inventory.length} are free (${holders()})` };
    return { ids: free.slice(0, request) };
  }
  const unknown = request.filter((id) => !inventory.includes(id));
  if (unknown.length > 0) return { error: `asks for GPU ids ${unknown.join(",")} that the host does not have (it has ${inventory.join(",")})` };
  const taken = request.filter((id) => held.has(id));
  if (taken.length > 0) return { error: `asks for GPU ids ${request.join(",")} but ${taken.map((id) => `${id} is held by ${held.get(id)}`).join(", ")}` };
  return { ids: [...request] };
}
