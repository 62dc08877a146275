import * as pulumi from "@pulumi/pulumi";
import { hooksProvider } from "../dynamic/hooks-provider";
import { resourceOwner, splitHost, withSecretOutputs } from "../dynamic/resource-owner";
import type { HostInput } from "../host";

export interface VolumeArgs {
  /** The Docker host; defaults to DOCKER_HOST or the local socket. */
  host?: HostInput;
  /** A fixed volume name. Without it berth derives one from project, stack, resource name and spec. */
  name?: pulumi.Input<string>;
  /** Volume driver; `local` by default. */
  driver?: pulumi.Input<string>;
  driverOptions?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  labels?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Manage a same-named volume that berth did not create instead of failing. It is kept on destroy. */
  adopt?: pulumi.Input<boolean>;
}

// One provider object per kind: Pulumi serialises a provider once per object, not once per resource.
const PROVIDER = hooksProvider("volume");

/** A named Docker volume on one host. */
export class Volume extends pulumi.dynamic.Resource {
  /** The volume's name on the daemon. */
  declare public readonly volumeName: pulumi.Output<string>;
  declare public readonly mountpoint: pulumi.Output<string>;
  /** True when berth adopted an existing volume rather than creating it. */
  declare public readonly adopted: pulumi.Output<boolean>;

  constructor(name: string, args: VolumeArgs = {}, opts: pulumi.CustomResourceOptions = {}) {
    super(
      PROVIDER,
      name,
      { ...args, ...splitHost(args.host), owner: resourceOwner(name), volumeName: undefined, mountpoint: undefined, adopted: undefined },
      withSecretOutputs(opts, ["hostTls"]),
      "berth",
      "Volume",
    );
  }
}
