import { randomUUID } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import { secretEnvKeys, type ContainerArgs } from "../container/container-args";
import type { RuntimeArgs } from "../container/runtime-args";
import type { ReadinessArgs } from "../readiness/readiness-args";
import { HooksResource } from "../dynamic/hooks-resource";
import { resourceOwner, splitHost, withSecretOutputs } from "../dynamic/resource-owner";
import type { HostInput } from "../host";
import { setupScriptSource, type SetupScriptArgs } from "./setup-script-source";

/**
 * What `up`, `refresh` and `destroy` do with the container: `no_launch`
 * (verify that someone else runs it), `per_run` (a fresh one every `up`) or
 * `persistent` (kept across `up`s and stacks).
 */
export type Lifetime = "no_launch" | "per_run" | "persistent";

/** What berth did on a host: `verified` (no_launch), `launched` (cold start) or `attached` (found it running). */
export type HostAction = "verified" | "launched" | "attached";

/** What happened on one host of a PersistentContainer. */
export interface HostResult {
  /** The host's URL. */
  host: string;
  /** The Docker container id on that host. */
  containerId: string;
  /** The image id (sha256) the container runs. */
  imageId: string;
  /** What the last create or update did there. */
  action: HostAction;
  /** Whether the container ran the setup script (at launch, or as checked on attach); `false` without `setupScript` and for `verified`. */
  provisioned: boolean;
  /** When the container started (RFC 3339); absent for `verified`. */
  startedAt?: string;
}

/**
 * A PersistentContainer's arguments: the container's (`ContainerArgs`, except
 * `host`, and `gpus`, which it does not support yet) and these.
 * @example { hosts: ["ssh://ml@gpu-01", "ssh://ml@gpu-02"], name: "ray-node", lifetime: "persistent", image: "rayproject/ray:2.40.0", networkMode: "host" }
 */
export interface PersistentContainerArgs extends Omit<ContainerArgs, "host" | "image" | "gpus">, RuntimeArgs {
  /**
   * Every host the container runs on, each listed once; the default host
   * (`DOCKER_HOST` or the local socket) when absent. A plain array: the
   * program splits each host's TLS material from it before registering.
   */
  hosts?: HostInput[];
  /** The container's name on every host, e.g. `"ray-node"`. */
  name: pulumi.Input<string>;
  /** `"no_launch"` (verify only), `"per_run"` (fresh every `up`) or `"persistent"` (kept across `up`s and stacks). */
  lifetime: pulumi.Input<Lifetime>;
  /** The image reference to run; required unless `lifetime` is `"no_launch"`. */
  image?: pulumi.Input<string>;
  /** For `persistent` only: remove the container on destroy instead of keeping it; `false` by default. */
  removeOnDestroy?: pulumi.Input<boolean>;
  /** Whole seconds a stop waits after SIGTERM before it kills (the container's `StopTimeout`); 10 by default. */
  stopGracePeriodSeconds?: pulumi.Input<number>;
  /**
   * Run once in each freshly launched container; only its sha256 enters
   * state. A plain object: the program reads the script when it runs.
   */
  setupScript?: SetupScriptArgs;
  /** The gate after each launch and attach, per host; none by default. `httpGet` and `tcpSocket` need `networkMode: "host"`. */
  readiness?: pulumi.Input<ReadinessArgs>;
}

/** One named container on every host of a list; `lifetime` decides what `up`, `refresh` and `destroy` do. */
export class PersistentContainer extends HooksResource {
  /** What happened on each host, in the order of `hosts`. */
  declare public readonly hostResults: pulumi.Output<HostResult[]>;
  /** The container's lifetime, as checked. */
  declare public readonly lifetime: pulumi.Output<Lifetime>;

  constructor(name: string, args: PersistentContainerArgs, opts: pulumi.CustomResourceOptions = {}) {
    const hosts = (args.hosts ?? [undefined]).map((host) => splitHost(host));
    super(
      "persistent-container",
      "PersistentContainer",
      name,
      {
        ...args,
        hosts: hosts.map((h) => h.host),
        ...(hosts.some((h) => "hostTls" in h) ? { hostsTls: pulumi.secret(pulumi.all(hosts.map((h) => h.hostTls ?? null)).apply((tls) => tls.map((t) => t ?? null))) } : {}),
        owner: resourceOwner(name),
        ...(args.env ? { secretEnvKeys: secretEnvKeys(args.env) } : {}),
        setupScript: args.setupScript ? setupScriptSource(args.setupScript) : undefined,
        // A new value every run: per_run is replaced.
        runToken: randomUUID(),
        // no_launch and persistent are verified on every host by each update, never by a preview.
        verifyHosts: !pulumi.runtime.isDryRun(),
        hostResults: undefined,
      },
      withSecretOutputs(opts, ["hostsTls", "registryAuth"]),
    );
  }
}
