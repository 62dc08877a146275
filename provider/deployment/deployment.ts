import * as pulumi from "@pulumi/pulumi";
import { HooksResource } from "../dynamic/hooks-resource";
import { withSecretOutputs } from "../dynamic/resource-owner";
import { containerResourceProps, type ContainerArgs, type PullPolicy, type VolumeMountArgs } from "../container/container-args";
import type { ReadinessArgs } from "../readiness/readiness-args";
import { envFileSource } from "../container/env-files";
import type { RuntimeArgs } from "../container/runtime-args";

/**
 * A container port published on the host.
 * @example { containerPort: 8080, name: "http" }
 */
export interface PortArgs {
  /** The port the container listens on, 1–65535, e.g. `8080`. */
  containerPort: pulumi.Input<number>;
  /** A fixed host port; without it one is allocated (from `host.portRange`, else by Docker). */
  hostPort?: pulumi.Input<number>;
  /** `"tcp"` (default) or `"udp"`. */
  protocol?: pulumi.Input<"tcp" | "udp">;
  /** Names the port in `hostPorts`, `endpoints` and probes: lower-case letters, digits and `-`, e.g. `"http"`. */
  name?: pulumi.Input<string>;
}

/**
 * A container sharing the main container's network namespace (a proxy, a log
 * shipper, an exporter); it cannot publish ports.
 * @example { name: "metrics", image: "prom/statsd-exporter:v0.27.1" }
 */
export interface SidecarArgs {
  /** Short name: lower-case letters, digits and `-`; the container is named `<main>-<name>`. */
  name: pulumi.Input<string>;
  /** The image reference to run, e.g. `"nginx:1.27"`. */
  image: pulumi.Input<string>;
  /** `"IfNotPresent"` by default. */
  pullPolicy?: pulumi.Input<PullPolicy>;
  /** Replaces the image's CMD (the image's by default). */
  command?: pulumi.Input<pulumi.Input<string>[]>;
  /** Replaces the image's ENTRYPOINT (the image's by default). */
  entrypoint?: pulumi.Input<pulumi.Input<string>[]>;
  /** Environment variables; none by default. */
  env?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Mounts, as the main container's `volumes`; none by default. */
  volumes?: pulumi.Input<pulumi.Input<VolumeMountArgs>[]>;
  /** The image's USER by default. */
  user?: pulumi.Input<string>;
  /** The image's WORKDIR by default. */
  workdir?: pulumi.Input<string>;
}

/** Restart on a non-zero exit, at most `maxRetries` times. */
export interface OnFailureRestartArgs {
  /** Always `"on-failure"`. */
  policy: pulumi.Input<"on-failure">;
  /** At least 1, e.g. `5`; use `restart: "no"` for no restarts. */
  maxRetries: pulumi.Input<number>;
}

/** Docker's restart policy: `"no"`, `"always"`, `"unless-stopped"` or `{ policy: "on-failure", maxRetries }`. */
export type RestartArgs = "always" | "unless-stopped" | "no" | OnFailureRestartArgs;

/**
 * What a Deployment's container is, in Docker's words: `created` (never
 * started, e.g. `running: false` from the start), `running`, `paused`,
 * `restarting` (its restart policy is bringing it back) or `exited`.
 */
export type DeploymentState = "created" | "running" | "paused" | "restarting" | "exited";

/**
 * A Deployment's arguments: the container's (`ContainerArgs`) and these.
 * @example { image: "nginx:1.27", ports: [{ containerPort: 80, name: "http" }], readiness: { httpGet: { port: "http" } } }
 */
export interface DeploymentArgs extends ContainerArgs, RuntimeArgs {
  /** A fixed container name; without it berth derives one from project, stack, resource name and spec. */
  name?: pulumi.Input<string>;
  /** Ports to publish on the host; none by default. */
  ports?: pulumi.Input<pulumi.Input<PortArgs>[]>;
  /** `"no"` (default), `"always"`, `"unless-stopped"` or `{ policy: "on-failure", maxRetries }`. */
  restart?: pulumi.Input<RestartArgs>;
  /** Whole seconds a stop waits after SIGTERM before it kills (the container's `StopTimeout`); 10 by default. */
  stopGracePeriodSeconds?: pulumi.Input<number>;
  /**
   * The gate a start must pass. Without it, a deployment with published ports
   * is gated on a TCP connect to its first tcp port; one without must still be
   * running 1 s after its start.
   */
  readiness?: pulumi.Input<ReadinessArgs>;
  /** Desired state; `true` by default, `false` keeps the container created but stopped. */
  running?: pulumi.Input<boolean>;
  /** Containers started after the main one, in its network namespace; if one fails to start, the group is removed. None by default. */
  sidecars?: pulumi.Input<pulumi.Input<SidecarArgs>[]>;
  /**
   * Files of `NAME=value` lines, as compose's `env_file`: read when the
   * program runs (relative to the project folder), later files over earlier
   * ones, `env` over all. Their values reach the container but never state
   * (only each file's sha256), and are redacted like secrets; a changed file
   * replaces the container. Plain paths, since they are read before any
   * resource resolves. Default none. Example: `[".env", "api.env"]`.
   */
  envFiles?: string[];
}

/** A long-running container on one host, gated on readiness. */
export class Deployment extends HooksResource {
  /** The Docker container id. */
  declare public readonly containerId: pulumi.Output<string>;
  /** The container's name on the host, `name` or the generated `<project>-<stack>-<resource>-<hash12>`. */
  declare public readonly containerName: pulumi.Output<string>;
  /** The image id (sha256) the container runs. */
  declare public readonly imageId: pulumi.Output<string>;
  /** Published host ports by port name (else container port, `53/udp` for udp), e.g. `{ http: 30000 }`. */
  declare public readonly hostPorts: pulumi.Output<Record<string, number>>;
  /** `http://<probe address>:<host port>` (`https` when probed so, `udp://` for udp) by port name (else container port). */
  declare public readonly endpoints: pulumi.Output<Record<string, string>>;
  /** What the container is, as Docker says it, when the step or refresh last looked. */
  declare public readonly state: pulumi.Output<DeploymentState>;
  /** When the container last started (RFC 3339); absent when it never started. */
  declare public readonly startedAt: pulumi.Output<string | undefined>;
  /** The GPU ids allocated to the container; empty without `gpus`. */
  declare public readonly gpuIds: pulumi.Output<string[]>;

  constructor(name: string, args: DeploymentArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(
      "deployment",
      "Deployment",
      name,
      {
        ...containerResourceProps(name, args, ["containerId", "containerName", "imageId", "hostPorts", "endpoints", "state", "startedAt", "gpuIds"]),
        envFiles: args.envFiles?.map(envFileSource),
      },
      withSecretOutputs(opts, ["hostTls", "registryAuth"]),
    );
  }
}
