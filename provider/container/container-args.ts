import * as pulumi from "@pulumi/pulumi";
import { resourceOwner, splitHost } from "../dynamic/resource-owner";
import type { HostInput } from "../host";

export interface VolumeMountArgs {
  /** A volume name (e.g. a berth Volume's `volumeName`) or an absolute host path. */
  source: pulumi.Input<string>;
  target: pulumi.Input<string>;
  readOnly?: pulumi.Input<boolean>;
}

/** What every berth container resource takes: what runs, with what, as whom, where. */
export interface ContainerArgs {
  /** The Docker host; defaults to DOCKER_HOST or the local socket. */
  host?: HostInput;
  image: pulumi.Input<string>;
  pullPolicy?: pulumi.Input<"IfNotPresent" | "Always" | "Never">;
  /** Credentials for a private registry; kept as a secret in state, never in logs or errors. */
  registryAuth?: pulumi.Input<{ serverAddress: pulumi.Input<string>; username: pulumi.Input<string>; password: pulumi.Input<string> }>;
  command?: pulumi.Input<pulumi.Input<string>[]>;
  entrypoint?: pulumi.Input<pulumi.Input<string>[]>;
  /** Values given as Pulumi secrets stay secret in state and are redacted from logs and errors. */
  env?: Record<string, pulumi.Input<string>>;
  volumes?: pulumi.Input<pulumi.Input<VolumeMountArgs>[]>;
  cpus?: pulumi.Input<number>;
  /** `512m`, `2g`, `512Mi` or a byte count. */
  memory?: pulumi.Input<string | number>;
  labels?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Networks to join (e.g. a `docker.Network`'s name); the first is the container's primary network. */
  networks?: pulumi.Input<pulumi.Input<string>[]>;
  user?: pulumi.Input<string>;
  workdir?: pulumi.Input<string>;
  /** A GPU count or explicit ids from the host's inventory (`host.gpus`), allocated exclusively. */
  gpus?: pulumi.Input<number | string[]>;
}

/** Names of env entries whose values are secrets, so the provider can redact them without seeing marks. */
export function secretEnvKeys(env: Record<string, pulumi.Input<string>> | undefined): pulumi.Output<string[]> {
  const entries = Object.entries(env ?? {});
  return pulumi.output(
    Promise.all(
      entries.map(async ([key, value]) => (pulumi.Output.isInstance(value) && (await pulumi.isSecret(value as pulumi.Output<string>)) ? [key] : [])),
    ).then((keys) => keys.flat()),
  );
}

/** Whether an env value may be a secret: only a value that is not plain text can be. */
export function mayHoldSecretEnv(env: Record<string, pulumi.Input<string>> | undefined): boolean {
  return Object.values(env ?? {}).some((value) => typeof value !== "string");
}

/**
 * The props a container resource hands the engine: its args, the host split
 * from its TLS material, its owner, the names of its secret env entries, and
 * a placeholder for each output so that the resource exposes it.
 */
export function containerResourceProps(name: string, args: ContainerArgs, outputs: string[]): Record<string, unknown> {
  return {
    ...args,
    ...splitHost(args.host),
    owner: resourceOwner(name),
    ...(args.env ? { secretEnvKeys: secretEnvKeys(args.env) } : {}),
    ...Object.fromEntries(outputs.map((output) => [output, undefined])),
  };
}
