import type Docker from "dockerode";

export type GpuVendor = "nvidia" | "amd" | "intel";

export interface GpuInventory {
  vendor: GpuVendor;
  ids: string[];
  /** Device nodes per GPU id, overriding the defaults (tests point these at nodes made with mknod). */
  devices?: Record<string, string[]>;
}

/** The environment variable each vendor's runtime reads for the visible GPUs. */
export const VISIBLE_DEVICES_ENV: Record<GpuVendor, string> = {
  nvidia: "NVIDIA_VISIBLE_DEVICES",
  amd: "ROCR_VISIBLE_DEVICES",
  intel: "ZE_AFFINITY_MASK",
};

/** The render node of a GPU: renderD<128+n> for a numeric id n, else by its place in the inventory. */
function renderNode(inventory: GpuInventory, id: string): string {
  const n = /^\d+$/.test(id) ? Number(id) : inventory.ids.indexOf(id);
  return `/dev/dri/renderD${128 + n}`;
}

function deviceNodes(inventory: GpuInventory, id: string): string[] {
  const override = inventory.devices?.[id];
  if (override) return override;
  return inventory.vendor === "amd" ? ["/dev/kfd", renderNode(inventory, id)] : [renderNode(inventory, id)];
}

export interface GpuWiring {
  hostConfig: Pick<Docker.HostConfig, "DeviceRequests" | "Devices" | "GroupAdd">;
  env: string[];
}

/**
 * How allocated GPUs reach a container, per vendor: nvidia through a device
 * request with the ids and the `gpu` capability (never a count); amd through
 * /dev/kfd plus each GPU's own render node and the video and render groups;
 * intel through each GPU's render node. Only the allocated GPUs' nodes are
 * mapped, never all of /dev/dri. No GPUs: nothing at all.
 */
export function gpuWiring(inventory: GpuInventory | undefined, ids: readonly string[]): GpuWiring {
  if (!inventory || ids.length === 0) return { hostConfig: {}, env: [] };
  const env = [`${VISIBLE_DEVICES_ENV[inventory.vendor]}=${ids.join(",")}`, `BERTH_GPU_IDS=${ids.join(",")}`];
  if (inventory.vendor === "nvidia") {
    return { hostConfig: { DeviceRequests: [{ Driver: "nvidia", DeviceIDs: [...ids], Capabilities: [["gpu"]] }] }, env };
  }
  const nodes = [...new Set(ids.flatMap((id) => deviceNodes(inventory, id)))];
  return {
    hostConfig: {
      Devices: nodes.map((node) => ({ PathOnHost: node, PathInContainer: node, CgroupPermissions: "rwm" })),
      ...(inventory.vendor === "amd" ? { GroupAdd: ["video", "render"] } : {}),
    },
    env,
  };
}
