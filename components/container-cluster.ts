import * as pulumi from "@pulumi/pulumi";
import type { HostInput } from "../provider/host";
import { PersistentContainer, type HostAction, type HostResult, type PersistentContainerArgs } from "../provider/persistent";
import { hostMapProblems, rejectArgProblems } from "./component-args";

/**
 * A ContainerCluster's arguments: a PersistentContainer's, with hosts by name.
 * @example { hosts: { gpu01: "ssh://ml@gpu-01", gpu02: "ssh://ml@gpu-02" }, name: "ray-node", lifetime: "persistent", image: "rayproject/ray:2.40.0" }
 */
export interface ContainerClusterArgs extends Omit<PersistentContainerArgs, "hosts"> {
  /** The cluster's hosts by a short name, used in outputs; at least one. A plain object: its keys name the results. */
  hosts: Record<string, HostInput>;
}

/**
 * One named container on every host of a cluster, gated per host, with
 * results per host name. With `lifetime: "persistent"` two stacks can share
 * it: an install stack cold-starts and provisions it, a run stack with the
 * same arguments attaches to it (same container, same start time) and
 * destroying either leaves it running unless `removeOnDestroy` is set.
 */
export class ContainerCluster extends pulumi.ComponentResource {
  /** Container id per host name. */
  public readonly containerIds: pulumi.Output<Record<string, string>>;
  /** What happened per host name: `verified`, `launched` or `attached`. */
  public readonly actions: pulumi.Output<Record<string, HostAction>>;
  /** Image id per host name (all equal: berth checks it). */
  public readonly imageIds: pulumi.Output<Record<string, string>>;
  /** The PersistentContainer child (`<name>-container`) that does the work. */
  public readonly container: PersistentContainer;

  constructor(name: string, args: ContainerClusterArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("berth:index:ContainerCluster", name, {}, opts);
    rejectArgProblems("ContainerCluster", name, hostMapProblems(args.hosts), this);
    const hostNames = Object.keys(args.hosts);
    this.container = new PersistentContainer(`${name}-container`, { ...args, hosts: Object.values(args.hosts) }, { parent: this });
    const byHost = <T>(pick: (r: HostResult) => T) =>
      this.container.hostResults.apply((results) => Object.fromEntries(results.map((r, i) => [hostNames[i], pick(r)])));
    this.containerIds = byHost((r) => r.containerId);
    this.actions = byHost((r) => r.action);
    this.imageIds = byHost((r) => r.imageId);
    this.registerOutputs({ containerIds: this.containerIds, actions: this.actions, imageIds: this.imageIds });
  }
}
