import type Docker from "dockerode";
import { containerPlan } from "../container/container-plan";
import { memoryBytes } from "../docker/memory-size";
import type { PersistentContainerProps } from "./persistent-container-schema";

/** The container launched on every host: the shared plan plus what a cluster node needs. */
export function persistentContainerPlan(props: PersistentContainerProps, labels: Record<string, string>): Docker.ContainerCreateOptions {
  const base = containerPlan({ ...props, image: props.image as string }, props.name, labels);
  return {
    ...base,
    StopTimeout: props.stopGracePeriodSeconds,
    HostConfig: {
      ...base.HostConfig,
      Devices: props.devices.map((d) => ({ PathOnHost: d.hostPath, PathInContainer: d.containerPath ?? d.hostPath, CgroupPermissions: d.permissions })),
      Privileged: props.privileged,
      Ulimits: props.ulimits.map((u) => ({ Name: u.name, Soft: u.soft, Hard: u.hard })),
      ...(props.networkMode ? { NetworkMode: props.networkMode } : {}),
      ...(props.shmSize !== undefined ? { ShmSize: memoryBytes(props.shmSize) } : {}),
      ...(props.ipc ? { IpcMode: props.ipc } : {}),
    },
  };
}
