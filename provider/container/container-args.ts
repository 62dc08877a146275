import * as pulumi from "@pulumi/pulumi";
import { resourceOwner, splitHost } from "../dynamic/resource-owner";
import type { HostInput } from "../host";

/**
 * A volume or host directory mounted into the container.
 * @example { source: models.volumeName, target: "/models", readOnly: true }
 */
export interface VolumeMountArgs {
  /** A volume name (e.g. a berth Volume's `volumeName`) or an absolute host path, e.g. `"/srv/data"`. */
  source: pulumi.Input<string>;
  /** The absolute path inside the container, e.g. `"/data"`. */
  target: pulumi.Input<string>;
  /** Mount read-only; `false` by default. */
  readOnly?: pulumi.Input<boolean>;
}

/** When the image is pulled: `IfNotPresent` (when the host lacks it), `Always` (on every create) or `Never` (fail when the host lacks it). */
export type PullPolicy = "IfNotPresent" | "Always" | "Never";

/**
 * Credentials for a private registry, used only for pulls; always a secret
 * output, and the password is redacted from every error.
 * @example { serverAddress: "registry.example.com:5000", username: "ci", password: cfg.requireSecret("registryPassword") }
 */
export interface RegistryAuthArgs {
  /** The registry's address as it starts image references, e.g. `"registry.example.com:5000"`. */
  serverAddress: pulumi.Input<string>;
  /** The registry user, e.g. `"ci"`. */
  username: pulumi.Input<string>;
  /** The password or token; pass it as a Pulumi secret, e.g. `cfg.requireSecret("registryPassword")`. */
  password: pulumi.Input<string>;
}

/** A GPU count, or explicit GPU ids of the host's inventory (`host.gpus.ids`), e.g. `2` or `["0", "3"]`. */
export type GpuRequestArgs = number | pulumi.Input<string>[];

/** What every berth container resource takes: what runs, with what, as whom, where. */
export interface ContainerArgs {
  /** The Docker host; `DOCKER_HOST` or the local socket by default (read once, recorded in state). */
  host?: HostInput;
  /** The image reference to run, e.g. `"nginx:1.27"` or `"registry:5000/team/api@sha256:…"`. */
  image: pulumi.Input<string>;
  /** `"IfNotPresent"` by default: pull only when the host lacks the image. */
  pullPolicy?: pulumi.Input<PullPolicy>;
  /** Credentials for a private registry; kept as a secret in state, never in logs or errors. None by default. */
  registryAuth?: pulumi.Input<RegistryAuthArgs>;
  /** The arguments run, replacing the image's CMD (the image's by default), e.g. `["serve", "--port", "8080"]`. */
  command?: pulumi.Input<pulumi.Input<string>[]>;
  /** Replaces the image's ENTRYPOINT (the image's by default), e.g. `["/bin/sh", "-c"]`. */
  entrypoint?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Environment variables; none by default. A plain object, because berth
   * looks at each value to learn which ones are secrets: values given as
   * Pulumi secrets stay secret in state and are redacted from logs and errors.
   * @example { MODEL: "small", TOKEN: pulumi.secret(token) }
   */
  env?: Record<string, pulumi.Input<string>>;
  /** Volumes and host directories to mount; none by default. */
  volumes?: pulumi.Input<pulumi.Input<VolumeMountArgs>[]>;
  /** CPUs the container may use, fractions allowed, e.g. `0.5` or `2`; unlimited by default. */
  cpus?: pulumi.Input<number>;
  /** Memory limit: `"512m"`, `"2g"`, `"512Mi"` or a byte count, with as much swap again; unlimited by default. */
  memory?: pulumi.Input<string | number>;
  /** Labels added to the container, e.g. `{ team: "ml" }`; none by default. Keys may not start with berth's `dev.berth.`. */
  labels?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Networks to join (e.g. a `docker.Network`'s name); the first is the primary network. Docker's default bridge by default. */
  networks?: pulumi.Input<pulumi.Input<string>[]>;
  /** The user the process runs as, e.g. `"1000:1000"` or `"postgres"`; the image's USER by default. */
  user?: pulumi.Input<string>;
  /** The absolute working directory, e.g. `"/app"`; the image's WORKDIR by default. */
  workdir?: pulumi.Input<string>;
  /** A GPU count or explicit ids from the host's inventory (`host.gpus`), allocated exclusively; 0 by default. */
  gpus?: pulumi.Input<GpuRequestArgs>;
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
