import type Docker from "dockerode";
import { memoryBytes } from "../docker/memory-size";
import { gpuWiring, type GpuInventory } from "../gpu/gpu-wiring";
import type { ContainerFieldProps } from "./container-fields";
import type { HealthcheckProps, RuntimeProps } from "./runtime-fields";

export function volumeMount(volume: ContainerFieldProps["volumes"][number]): Docker.MountSettings {
  const isHostPath = volume.source.startsWith("/");
  return { Type: isHostPath ? "bind" : "volume", Source: volume.source, Target: volume.target, ReadOnly: volume.readOnly };
}

/**
 * CPU and memory limits as Docker takes them; 0 means unlimited. A memory
 * limit comes with as much swap again (`MemorySwap` counts memory plus swap),
 * which is what `docker run --memory` gives; stated explicitly so that an
 * in-place update keeps it.
 */
export function resourceLimits(props: Pick<ContainerFieldProps, "cpus" | "memory">): { NanoCpus: number; Memory: number; MemorySwap: number } {
  const memory = props.memory !== undefined ? (memoryBytes(props.memory) as number) : 0;
  return { NanoCpus: props.cpus ? Math.round(props.cpus * 1e9) : 0, Memory: memory, MemorySwap: 2 * memory };
}

/** GPUs allocated to a container, and the inventory that says how to wire them. */
export interface AllocatedGpus {
  inventory?: GpuInventory;
  ids: string[];
}

/** The container every berth resource starts from: a pure function of its fields, name, labels and GPUs. */
export function containerPlan(
  props: ContainerFieldProps,
  name: string,
  labels: Record<string, string>,
  gpus: AllocatedGpus = { ids: [] },
): Docker.ContainerCreateOptions {
  const [primaryNetwork] = props.networks;
  const limits = resourceLimits(props);
  const wiring = gpuWiring(gpus.inventory, gpus.ids);
  return {
    name,
    Image: props.image,
    Cmd: props.command,
    Entrypoint: props.entrypoint,
    Env: [...Object.entries(props.env).map(([key, value]) => `${key}=${value}`), ...wiring.env],
    Labels: labels,
    User: props.user,
    WorkingDir: props.workdir,
    HostConfig: {
      Mounts: props.volumes.map(volumeMount),
      ...wiring.hostConfig,
      ...(limits.NanoCpus ? { NanoCpus: limits.NanoCpus } : {}),
      ...(limits.Memory ? { Memory: limits.Memory, MemorySwap: limits.MemorySwap } : {}),
      ...(primaryNetwork ? { NetworkMode: primaryNetwork } : {}),
    },
  };
}

const NANOS_PER_SECOND = 1e9;

/** Docker's HEALTHCHECK config for berth's `healthcheck`: durations in nanoseconds. */
export function dockerHealthcheck(healthcheck: HealthcheckProps): Docker.HealthConfig {
  return {
    Test: healthcheck.test,
    Interval: Math.round(healthcheck.interval * NANOS_PER_SECOND),
    Timeout: Math.round(healthcheck.timeout * NANOS_PER_SECOND),
    Retries: healthcheck.retries,
    StartPeriod: Math.round(healthcheck.startPeriod * NANOS_PER_SECOND),
  };
}

/**
 * A container plan with the runtime options on top: healthcheck, devices
 * (after any GPU's device nodes), privilege, network and IPC modes, shared
 * memory and ulimits. `networkMode` takes the place of the primary network.
 */
export function withRuntimeOptions(plan: Docker.ContainerCreateOptions, props: RuntimeProps): Docker.ContainerCreateOptions {
  const devices = props.devices.map((d) => ({ PathOnHost: d.hostPath, PathInContainer: d.containerPath ?? d.hostPath, CgroupPermissions: d.permissions }));
  const hostConfig = plan.HostConfig ?? {};
  return {
    ...plan,
    ...(props.healthcheck ? { Healthcheck: dockerHealthcheck(props.healthcheck) } : {}),
    HostConfig: {
      ...hostConfig,
      ...(devices.length ? { Devices: [...(hostConfig.Devices ?? []), ...devices] } : {}),
      Privileged: props.privileged,
      ...(props.ulimits.length ? { Ulimits: props.ulimits.map((u) => ({ Name: u.name, Soft: u.soft, Hard: u.hard })) } : {}),
      ...(props.networkMode ? { NetworkMode: props.networkMode } : {}),
      ...(props.shmSize !== undefined ? { ShmSize: memoryBytes(props.shmSize) } : {}),
      ...(props.ipc ? { IpcMode: props.ipc } : {}),
    },
  };
}
