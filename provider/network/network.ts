import * as pulumi from "@pulumi/pulumi";
import { HooksResource } from "../dynamic/hooks-resource";
import { resourceOwner, splitHost, withSecretOutputs } from "../dynamic/resource-owner";
import type { HostInput } from "../host";

/** The network's address range. */
export interface NetworkIpamArgs {
  /** A CIDR block, e.g. `10.42.0.0/24`. */
  subnet: pulumi.Input<string>;
  /** The gateway's address inside `subnet`. Default: Docker picks the first address, e.g. `10.42.0.1`. */
  gateway?: pulumi.Input<string>;
}

export interface NetworkArgs {
  /** The Docker host; defaults to DOCKER_HOST or the local socket. */
  host?: HostInput;
  /** A fixed network name. Default: derived from project, stack, resource name and spec. Example: `"backend"`. */
  name?: pulumi.Input<string>;
  /** Network driver. Default `bridge`. Example: `"bridge"`. */
  driver?: pulumi.Input<string>;
  /** No route out: containers on it reach only each other. Default `false`. Example: `true`. */
  internal?: pulumi.Input<boolean>;
  /** Containers berth does not manage (`docker run --network`) may join. Default `false`. Example: `true`. */
  attachable?: pulumi.Input<boolean>;
  /** A fixed address range. Default: Docker picks a free one. Example: `{ subnet: "10.42.0.0/24" }`. */
  ipam?: pulumi.Input<NetworkIpamArgs>;
  /** Labels of your own, next to berth's. Default none. Example: `{ team: "ml" }`. */
  labels?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Manage a same-named network that berth did not create instead of failing; it is kept on destroy. Default `false`. */
  adopt?: pulumi.Input<boolean>;
}

/** A Docker network on one host, for containers to find each other by name. */
export class Network extends HooksResource {
  /** The network's name on the daemon: what a container's `networks` takes. */
  declare public readonly networkName: pulumi.Output<string>;
  declare public readonly networkId: pulumi.Output<string>;
  /** True when berth adopted an existing network rather than creating it. */
  declare public readonly adopted: pulumi.Output<boolean>;

  constructor(name: string, args: NetworkArgs = {}, opts: pulumi.CustomResourceOptions = {}) {
    super(
      "network",
      "Network",
      name,
      { ...args, ...splitHost(args.host), owner: resourceOwner(name), networkName: undefined, networkId: undefined, adopted: undefined },
      withSecretOutputs(opts, ["hostTls"]),
    );
  }
}
