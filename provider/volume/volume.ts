import * as pulumi from "@pulumi/pulumi";
import { HooksResource } from "../dynamic/hooks-resource";
import { resourceOwner, splitHost, withSecretOutputs } from "../dynamic/resource-owner";
import type { HostInput } from "../host";

/**
 * A Volume's arguments; all optional.
 * @example { name: "model-cache", labels: { team: "ml" } }
 */
export interface VolumeArgs {
  /** The Docker host; `DOCKER_HOST` or the local socket by default (read once, recorded in state). */
  host?: HostInput;
  /** A fixed volume name, e.g. `"model-cache"`. Without it berth derives one from project, stack, resource name and spec. */
  name?: pulumi.Input<string>;
  /** Volume driver; `"local"` by default. */
  driver?: pulumi.Input<string>;
  /** The driver's options, e.g. `{ type: "tmpfs", device: "tmpfs" }`; none by default. */
  driverOptions?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Labels added to the volume, e.g. `{ team: "ml" }`; none by default. Keys may not start with berth's `dev.berth.`. */
  labels?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Manage a same-named volume that berth did not create instead of failing; `false` by default. An adopted volume is kept on destroy. */
  adopt?: pulumi.Input<boolean>;
}

/** A named Docker volume on one host. */
export class Volume extends HooksResource {
  /** The volume's name on the daemon. */
  declare public readonly volumeName: pulumi.Output<string>;
  /** Where the volume's data lives on the host, as Docker reports it. */
  declare public readonly mountpoint: pulumi.Output<string>;
  /** True when berth adopted an existing volume rather than creating it. */
  declare public readonly adopted: pulumi.Output<boolean>;

  constructor(name: string, args: VolumeArgs = {}, opts: pulumi.CustomResourceOptions = {}) {
    super(
      "volume",
      "Volume",
      name,
      { ...args, ...splitHost(args.host), owner: resourceOwner(name), volumeName: undefined, mountpoint: undefined, adopted: undefined },
      withSecretOutputs(opts, ["hostTls"]),
    );
  }
}
