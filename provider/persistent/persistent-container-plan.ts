import type Docker from "dockerode";
import { containerPlan, withRuntimeOptions } from "../container/container-plan";
import type { PersistentContainerProps } from "./persistent-container-schema";

/** The container launched on every host: the shared plan plus what a cluster node needs. */
export function persistentContainerPlan(props: PersistentContainerProps, labels: Record<string, string>): Docker.ContainerCreateOptions {
  const base = withRuntimeOptions(containerPlan({ ...props, image: props.image as string }, props.name, labels), props);
  return { ...base, StopTimeout: props.stopGracePeriodSeconds };
}
