import * as pulumi from "@pulumi/pulumi";
import { hooksProvider } from "../dynamic/hooks-provider";
import { withSecretOutputs } from "../dynamic/resource-owner";
import { containerResourceProps, type ContainerArgs } from "../container/container-args";
import { envFileSource } from "../container/env-files";
import type { RuntimeArgs } from "../container/runtime-args";
import type { z } from "zod";
import type { readinessSchema } from "../readiness/readiness-schema";

type DeepInput<T> = T extends object ? pulumi.Input<{ [K in keyof T]: DeepInput<T[K]> }> : pulumi.Input<T>;

export interface PortArgs {
  containerPort: number;
  /** A fixed host port; without it one is allocated (from `host.portRange`, else by Docker). */
  hostPort?: number;
  protocol?: "tcp" | "udp";
  /** Names the port in `hostPorts`, `endpoints` and probes. */
  name?: string;
}

/** A container sharing the main container's network namespace; it cannot publish ports. */
export interface SidecarArgs {
  /** Short name; the container is named `<main>-<name>`. */
  name: pulumi.Input<string>;
  image: pulumi.Input<string>;
  pullPolicy?: pulumi.Input<"IfNotPresent" | "Always" | "Never">;
  command?: pulumi.Input<pulumi.Input<string>[]>;
  entrypoint?: pulumi.Input<pulumi.Input<string>[]>;
  env?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  volumes?: ContainerArgs["volumes"];
  user?: pulumi.Input<string>;
  workdir?: pulumi.Input<string>;
}

export type RestartArgs = "always" | "unless-stopped" | "no" | { policy: "on-failure"; maxRetries: number };

/** Readiness probes with Kubernetes' field names; all given kinds must pass. */
export type ReadinessArgs = DeepInput<z.input<typeof readinessSchema>>;

export interface DeploymentArgs extends ContainerArgs, RuntimeArgs {
  /** A fixed container name; without it berth derives one from project, stack, resource name and spec. */
  name?: pulumi.Input<string>;
  ports?: pulumi.Input<pulumi.Input<PortArgs>[]>;
  /** `"no"` (default), `"always"` or `{ policy: "on-failure", maxRetries }`. */
  restart?: pulumi.Input<RestartArgs>;
  stopGracePeriodSeconds?: pulumi.Input<number>;
  readiness?: ReadinessArgs;
  /** Desired state; `false` keeps the container created but stopped. */
  running?: pulumi.Input<boolean>;
  /** Containers started after the main one, in its network namespace; if one fails to start, the group is removed. */
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

// One provider object per kind: Pulumi serialises a provider once per object, not once per resource.
const PROVIDER = hooksProvider("deployment");

/** A long-running container on one host, gated on readiness. */
export class Deployment extends pulumi.dynamic.Resource {
  declare public readonly containerId: pulumi.Output<string>;
  declare public readonly containerName: pulumi.Output<string>;
  /** The image id (sha256) the container runs. */
  declare public readonly imageId: pulumi.Output<string>;
  /** Published host ports by port name (or container port). */
  declare public readonly hostPorts: pulumi.Output<Record<string, number>>;
  /** URLs on the host's probe address, by port name (or container port). */
  declare public readonly endpoints: pulumi.Output<Record<string, string>>;
  declare public readonly state: pulumi.Output<string>;
  declare public readonly startedAt: pulumi.Output<string>;
  /** The GPU ids allocated to the container. */
  declare public readonly gpuIds: pulumi.Output<string[]>;

  constructor(name: string, args: DeploymentArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(
      PROVIDER,
      name,
      {
        ...containerResourceProps(name, args, ["containerId", "containerName", "imageId", "hostPorts", "endpoints", "state", "startedAt", "gpuIds"]),
        envFiles: args.envFiles?.map(envFileSource),
      },
      withSecretOutputs(opts, ["hostTls", "registryAuth"]),
      "berth",
      "Deployment",
    );
  }
}
