import type Docker from "dockerode";
import { containerPlan, resourceLimits, withRuntimeOptions, type AllocatedGpus } from "../container/container-plan";
import type { DeploymentProps, PortProps } from "./deployment-schema";

/** `80/tcp`: how Docker keys a container port. */
export function portKey(port: Pick<PortProps, "containerPort" | "protocol">): string {
  return `${port.containerPort}/${port.protocol}`;
}

/** Docker's restart policy for berth's `restart`. */
export function restartPolicy(restart: DeploymentProps["restart"]): Docker.HostRestartPolicy {
  if (restart === "always") return { Name: "always" };
  if (restart === "unless-stopped") return { Name: "unless-stopped" };
  if (restart === "no") return { Name: "no" };
  return { Name: "on-failure", MaximumRetryCount: restart.maxRetries };
}

/**
 * The limits and policy Docker can change on a running container, with the
 * same swap as at create; Docker cannot lift a memory limit in place (the
 * diff replaces for that).
 */
export function updatableResources(props: DeploymentProps): { RestartPolicy: Docker.HostRestartPolicy; NanoCpus: number; Memory?: number; MemorySwap?: number } {
  const { NanoCpus, Memory, MemorySwap } = resourceLimits(props);
  return { RestartPolicy: restartPolicy(props.restart), NanoCpus, ...(Memory ? { Memory, MemorySwap } : {}) };
}

/**
 * A deployment's container: the shared container plan plus its published
 * runtime options, published ports (with the host ports chosen for them; ""
 * lets Docker choose), restart policy and stop timeout.
 */
export function deploymentContainerPlan(
  props: DeploymentProps,
  name: string,
  labels: Record<string, string>,
  hostPorts: ReadonlyMap<string, number | "">,
  gpus: AllocatedGpus = { ids: [] },
): Docker.ContainerCreateOptions {
  const base = withRuntimeOptions(containerPlan(props, name, labels, gpus), props);
  return {
    ...base,
    StopTimeout: props.stopGracePeriodSeconds,
    ExposedPorts: Object.fromEntries(props.ports.map((p) => [portKey(p), {}])),
    HostConfig: {
      ...base.HostConfig,
      PortBindings: Object.fromEntries(props.ports.map((p) => [portKey(p), [{ HostIp: "", HostPort: String(hostPorts.get(portKey(p)) ?? "") }]])),
      RestartPolicy: restartPolicy(props.restart),
    },
  };
}
