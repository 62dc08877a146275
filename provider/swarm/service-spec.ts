import type Docker from "dockerode";
import { memoryBytes } from "../docker/memory-size";
import { resourceLimits, volumeMount } from "../container/container-plan";
import type { SwarmServiceProps } from "./swarm-service-schema";

const NS_PER_SECOND = 1e9;
const ns = (seconds: number) => Math.round(seconds * NS_PER_SECOND);

type Readiness = NonNullable<SwarmServiceProps["readiness"]>;

/** The probe a task's healthcheck runs inside the task: the image needs `wget` for `httpGet`. */
function healthTest(readiness: Readiness): string[] | undefined {
  if (readiness.exec) return ["CMD", ...readiness.exec.command];
  if (readiness.httpGet) {
    const { port, path, scheme, headers } = readiness.httpGet;
    const url = `${scheme.toLowerCase()}://127.0.0.1:${port}${path}`;
    return ["CMD", "wget", "-q", "-O", "/dev/null", ...headers.flatMap((h) => ["--header", `${h.name}: ${h.value}`]), url];
  }
  return undefined;
}

/** berth's readiness as the task's Docker healthcheck; `dockerHealthcheck` keeps the image's own. */
export function healthCheck(readiness: SwarmServiceProps["readiness"]): Docker.HealthConfig | undefined {
  const test = readiness && healthTest(readiness);
  if (!readiness || !test) return undefined;
  return {
    Test: test,
    Interval: ns(readiness.periodSeconds),
    Timeout: ns(readiness.timeoutSeconds),
    Retries: readiness.failureThreshold,
    StartPeriod: ns(readiness.initialDelaySeconds),
  };
}

/** The API wraps a count in `DiscreteResourceSpec`, which @types/dockerode leaves out. */
function gpuReservation(count: number): Docker.GenericResource[] {
  return [{ DiscreteResourceSpec: { Kind: "gpu", Value: count } }] as unknown as Docker.GenericResource[];
}

function updateConfig(update: SwarmServiceProps["update"], failureAction: string): Docker.UpdateConfig {
  return {
    Parallelism: update.parallelism,
    Delay: ns(update.delaySeconds),
    FailureAction: failureAction,
    Monitor: ns(update.monitorSeconds),
    MaxFailureRatio: update.maxFailureRatio,
    Order: update.order,
  };
}

/**
 * The swarm service spec of a SwarmService: a pure function of its props,
 * name and labels. Tasks carry the same labels, so that their containers are
 * found as berth's on every node.
 */
export function serviceSpec(props: SwarmServiceProps, name: string, labels: Record<string, string>): Docker.ServiceSpec {
  const limits = resourceLimits(props);
  const reserved = props.reservations;
  const reservedMemory = reserved?.memory !== undefined ? memoryBytes(reserved.memory) : undefined;
  return {
    Name: name,
    Labels: labels,
    TaskTemplate: {
      ContainerSpec: {
        Image: props.image,
        Command: props.entrypoint,
        Args: props.command,
        Env: Object.entries(props.env).map(([key, value]) => `${key}=${value}`),
        Labels: labels,
        User: props.user,
        Dir: props.workdir,
        Mounts: props.volumes.map(volumeMount),
        StopGracePeriod: ns(props.stopGracePeriodSeconds),
        // The API's key; @types/dockerode spells it `HealthCheck`, which the daemon ignores.
        ...({ Healthcheck: healthCheck(props.readiness) } as object),
      },
      Resources: {
        Limits: { ...(limits.NanoCpus ? { NanoCPUs: limits.NanoCpus } : {}), ...(limits.Memory ? { MemoryBytes: limits.Memory } : {}) },
        Reservations: {
          ...(reserved?.cpus ? { NanoCPUs: ns(reserved.cpus) } : {}),
          ...(reservedMemory ? { MemoryBytes: reservedMemory } : {}),
          ...(props.gpus > 0 ? { GenericResources: gpuReservation(props.gpus) } : {}),
        },
      },
      Placement: {
        Constraints: props.placement.constraints,
        Preferences: props.placement.spread.map((descriptor) => ({ Spread: { SpreadDescriptor: descriptor } })),
      },
      Networks: props.networks.map((target) => ({ Target: target })),
    },
    Mode: props.mode === "global" ? { Global: {} } : { Replicated: { Replicas: props.replicas } },
    UpdateConfig: updateConfig(props.update, props.update.failureAction),
    // A rollback that fails too stops where it is, for a person to look at.
    RollbackConfig: updateConfig(props.update, "pause"),
    EndpointSpec: {
      Mode: props.endpointMode,
      Ports: props.ports.map((p) => ({ TargetPort: p.containerPort, PublishedPort: p.hostPort, Protocol: p.protocol, PublishMode: "host" })),
    },
  };
}
