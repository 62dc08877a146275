import * as pulumi from "@pulumi/pulumi";
import { containerResourceProps, type ContainerArgs } from "../container/container-args";
import { HooksResource } from "../dynamic/hooks-resource";
import { withSecretOutputs } from "../dynamic/resource-owner";

/** A port every node running a task publishes in host mode (the routing mesh is not used). */
export interface SwarmPortArgs {
  containerPort: number;
  hostPort: number;
  protocol?: "tcp" | "udp";
}

/** Readiness in berth's vocabulary, run inside each task as its Docker healthcheck (docs/swarm.md). */
export interface SwarmReadinessArgs {
  /** Probed with `wget` inside the task: the image needs it. */
  httpGet?: pulumi.Input<{ port: number; path?: string; scheme?: "HTTP" | "HTTPS"; headers?: Array<{ name: string; value: string }> }>;
  exec?: pulumi.Input<{ command: string[] }>;
  /** Gate on the image's own HEALTHCHECK. */
  dockerHealthcheck?: pulumi.Input<boolean>;
  initialDelaySeconds?: pulumi.Input<number>;
  periodSeconds?: pulumi.Input<number>;
  timeoutSeconds?: pulumi.Input<number>;
  failureThreshold?: pulumi.Input<number>;
  /** How long create and update wait for every task to run and be ready; 120 by default. */
  deadlineSeconds?: pulumi.Input<number>;
}

/** How the swarm rolls a change over the tasks. */
export interface SwarmUpdateArgs {
  /** Tasks replaced at once; 1 by default, 0 for all. */
  parallelism?: pulumi.Input<number>;
  delaySeconds?: pulumi.Input<number>;
  /** `start-first` by default; `stop-first` by default when host-mode ports are published. */
  order?: pulumi.Input<"start-first" | "stop-first">;
  /** `rollback` by default: a change whose new tasks fail is undone by the swarm and the `up` fails. */
  failureAction?: pulumi.Input<"rollback" | "pause" | "continue">;
  /** How long each new task is watched for failure after it runs; 5 by default. */
  monitorSeconds?: pulumi.Input<number>;
  maxFailureRatio?: pulumi.Input<number>;
}

export interface SwarmServiceArgs extends Omit<ContainerArgs, "pullPolicy" | "gpus"> {
  /** A fixed service name; without it berth derives one from project, stack and resource name. */
  name?: pulumi.Input<string>;
  /** `replicated` (default) runs `replicas` tasks; `global` one task on every eligible node. */
  mode?: pulumi.Input<"replicated" | "global">;
  /** Tasks of a replicated service; 1 by default. */
  replicas?: pulumi.Input<number>;
  /** GPUs per task, from the nodes' `gpu` generic resources (each daemon's `node-generic-resources`). */
  gpus?: pulumi.Input<number>;
  /** What the swarm reserves per task on a node, for scheduling; `cpus`/`memory` are the limits. */
  reservations?: pulumi.Input<{ cpus?: pulumi.Input<number>; memory?: pulumi.Input<string | number> }>;
  placement?: pulumi.Input<{ constraints?: pulumi.Input<pulumi.Input<string>[]>; spread?: pulumi.Input<pulumi.Input<string>[]> }>;
  ports?: pulumi.Input<pulumi.Input<SwarmPortArgs>[]>;
  /** `vip` (Docker's default) or `dnsrr`. */
  endpointMode?: pulumi.Input<"vip" | "dnsrr">;
  update?: pulumi.Input<SwarmUpdateArgs>;
  stopGracePeriodSeconds?: pulumi.Input<number>;
  readiness?: SwarmReadinessArgs;
}

/** A Docker Swarm service, driven through a manager, gated on every task running and ready. */
export class SwarmService extends HooksResource {
  declare public readonly serviceId: pulumi.Output<string>;
  declare public readonly serviceName: pulumi.Output<string>;
  declare public readonly desiredTasks: pulumi.Output<number>;
  declare public readonly runningTasks: pulumi.Output<number>;
  /** The tasks meant to run, each with its node, state and the GPU ids the swarm assigned it. */
  declare public readonly tasks: pulumi.Output<Array<{ id: string; node: string; state: string; gpus: string[] }>>;

  constructor(name: string, args: SwarmServiceArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(
      "swarm-service",
      "SwarmService",
      name,
      containerResourceProps(name, args as ContainerArgs, ["serviceId", "serviceName", "desiredTasks", "runningTasks", "tasks"]),
      withSecretOutputs(opts, ["hostTls", "registryAuth"]),
    );
  }
}
