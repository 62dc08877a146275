import { randomUUID } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import { secretEnvKeys, type ContainerArgs } from "../container/container-args";
import type { RuntimeArgs } from "../container/runtime-args";
import type { ReadinessArgs } from "../deployment/deployment";
import { hooksProvider } from "../dynamic/hooks-provider";
import { resourceOwner, splitHost, withSecretOutputs } from "../dynamic/resource-owner";
import type { HostInput } from "../host";
import type { Lifetime } from "./persistent-container-schema";
import { setupScriptSource, type SetupScriptArgs } from "./setup-script-source";

export interface PersistentContainerArgs extends Omit<ContainerArgs, "host" | "image">, RuntimeArgs {
  /** Every host the container runs on; the local daemon when absent. */
  hosts?: HostInput[];
  /** The container's name on every host. */
  name: pulumi.Input<string>;
  /** `no_launch` (verify only), `per_run` (fresh every `up`) or `persistent` (kept across `up`s and stacks). */
  lifetime: pulumi.Input<Lifetime>;
  /** Required unless `lifetime` is `no_launch`. */
  image?: pulumi.Input<string>;
  /** For `persistent`: remove the container on destroy instead of keeping it. */
  removeOnDestroy?: pulumi.Input<boolean>;
  /** How long a stop waits after SIGTERM before it kills (the container's `StopTimeout`); 10 s by default. */
  stopGracePeriodSeconds?: pulumi.Input<number>;
  /** Run once in each freshly launched container; only its sha256 enters state. */
  setupScript?: SetupScriptArgs;
  readiness?: ReadinessArgs;
}

// One provider object per kind: Pulumi serialises a provider once per object, not once per resource.
const PROVIDER = hooksProvider("persistent-container");

/** One named container on every host of a list; `lifetime` decides what `up`, `refresh` and `destroy` do. */
export class PersistentContainer extends pulumi.dynamic.Resource {
  /** Per host: container id, image id, whether it was verified, launched or attached, and provisioned. */
  declare public readonly hostResults: pulumi.Output<
    Array<{ host: string; containerId: string; imageId: string; action: "verified" | "launched" | "attached"; provisioned: boolean; startedAt?: string }>
  >;

  constructor(name: string, args: PersistentContainerArgs, opts: pulumi.CustomResourceOptions = {}) {
    const hosts = (args.hosts ?? [undefined]).map((host) => splitHost(host));
    super(
      PROVIDER,
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
      "berth",
      "PersistentContainer",
    );
  }
}
