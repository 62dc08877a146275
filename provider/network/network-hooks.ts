import type * as pulumi from "@pulumi/pulumi";
import type Docker from "dockerode";
import { dockerClient } from "../docker/client";
import { dockerMessage, isNotFound } from "../docker/errors";
import { createLabels, describeHolder, isOwnedBy, LABELS } from "../docker/labels";
import { claimExisting, removableOnDelete, stillOwned } from "../docker/named-object-claim";
import { plainData, plainProps } from "../dynamic/plain-props";
import { replacingSpecHash } from "../dynamic/property-diff";
import { log } from "../log";
import { objectName } from "../naming";
import { resourceError } from "../resource-error";
import { checkInputs } from "../validation/check-inputs";
import { NETWORK_DIFF_RULES, networkDiff } from "./network-diff";
import { networkSchema, type NetworkOutputs, type NetworkProps } from "./network-schema";

function fail(props: NetworkProps, cause: string, advice?: string): Error {
  return resourceError("Network", props.owner.resource, `host ${props.host.url}`, cause, advice);
}

function client(props: NetworkProps): Docker {
  return dockerClient(props.host, props.hostTls);
}

/** A network by name or id; Docker answers a name with the network of that exact name (a prefix of an id never matches a name). */
async function inspectNetwork(props: NetworkProps, nameOrId: string): Promise<Docker.NetworkInspectInfo | undefined> {
  try {
    return await client(props).getNetwork(nameOrId).inspect();
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw fail(props, `could not inspect network "${nameOrId}": ${dockerMessage(err)}`, "Check that the daemon is running and reachable");
  }
}

function outputs(props: NetworkProps, info: Docker.NetworkInspectInfo, hash: string, adopted: boolean): NetworkOutputs {
  return plainData({ ...props, networkName: info.Name, networkId: info.Id, specHash: hash, adopted });
}

/** Names of the containers attached to a network. */
function attached(info: Docker.NetworkInspectInfo): string[] {
  return Object.values(info.Containers ?? {}).map((c) => (c as { Name?: string }).Name ?? "?");
}

export async function check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
  return checkInputs(networkSchema, plainProps(news), "Network");
}

export async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult> {
  return networkDiff(plainProps(olds), plainProps(news));
}

export async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
  const props = networkSchema.parse(plainProps(inputs));
  const hash = replacingSpecHash(props, NETWORK_DIFF_RULES);
  const name = props.name ?? objectName(props.owner, hash);
  const existing = await inspectNetwork(props, name);

  if (existing) {
    const claim = claimExisting({ what: "network", owner: props.owner, adopt: props.adopt, fail: (cause, advice) => fail(props, cause, advice) }, name, existing.Labels ?? {}, hash);
    return { id: existing.Id, outs: outputs(props, existing, hash, claim === "adopt") };
  }

  let id: string;
  try {
    const created = await client(props).createNetwork({
      Name: name,
      // Docker otherwise allows two networks of one name; berth's names are unique per daemon.
      CheckDuplicate: true,
      Driver: props.driver,
      Internal: props.internal,
      Attachable: props.attachable,
      ...(props.ipam ? { IPAM: { Driver: "default", Config: [{ Subnet: props.ipam.subnet, ...(props.ipam.gateway ? { Gateway: props.ipam.gateway } : {}) }] } } : {}),
      Labels: createLabels({ kind: "network", owner: props.owner, specHash: hash }, props.labels),
    });
    id = created.id;
  } catch (err) {
    throw fail(props, `could not create network "${name}": ${dockerMessage(err)}`, props.ipam ? "Check `driver` and `ipam` (a subnet may overlap another network's)" : "Check `driver`");
  }
  const info = await inspectNetwork(props, id);
  if (!info) throw fail(props, `network "${name}" vanished right after it was created`);
  // A create of the same name at the same moment may have won the name; CheckDuplicate makes ours fail then, but say so if it did not.
  if (!isOwnedBy(info.Labels ?? {}, props.owner) || info.Labels?.[LABELS.specHash] !== hash) {
    throw fail(props, `network "${name}" was created at the same moment by ${describeHolder(info.Labels)}`, "berth leaves it alone; choose another `name`");
  }
  return { id, outs: outputs(props, info, hash, false) };
}

export async function read(id: string, stored: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
  const props = stored as unknown as NetworkOutputs;
  const info = await inspectNetwork(props, props.networkId ?? id);
  if (!info || !stillOwned(info.Labels, props.owner, props.adopted)) {
    log.provider("network %s is gone from host %s", props.networkName ?? id, props.host.url);
    return {};
  }
  return { id, props: { ...plainProps(stored), networkName: info.Name } };
}

export async function update(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult> {
  // Only properties that never reach Docker change in place (host TLS material, `adopt`).
  const old = plainProps(olds) as unknown as NetworkOutputs;
  // A rename (aliases, a new parent) updates in place: the owner stays the one written on the network's labels.
  const props = { ...networkSchema.parse(plainProps(news)), owner: old.owner };
  return { outs: plainData({ ...props, networkName: old.networkName, networkId: old.networkId, specHash: old.specHash, adopted: old.adopted }) };
}

/**
 * Removes the network unless containers are still attached: berth never
 * disconnects a container it may not own. It names them, so that the user
 * removes or re-points them (a container of the same stack is removed before
 * its network, since it depends on the network's name).
 */
export async function deleteNetwork(id: string, stored: Record<string, unknown>): Promise<void> {
  const props = stored as unknown as NetworkOutputs;
  const name = props.networkName ?? id;
  const info = await removableOnDelete("network", name, props, () => inspectNetwork(props, props.networkId ?? id));
  if (!info) return;
  const refuse = (users: string[]) =>
    fail(
      props,
      `network "${name}" still has containers attached: ${users.length ? users.map((c) => `"${c}"`).join(", ") : "(Docker did not say which)"}`,
      "Remove those containers or disconnect them (`docker network disconnect`), then run `pulumi destroy` again",
    );
  if (attached(info).length > 0) throw refuse(attached(info));
  try {
    await client(props).getNetwork(info.Id).remove();
  } catch (err) {
    if (isNotFound(err)) return;
    // A container joined between the inspect and the remove.
    const now = await inspectNetwork(props, info.Id);
    if (now && attached(now).length > 0) throw refuse(attached(now));
    throw fail(props, `could not remove network "${name}": ${dockerMessage(err)}`);
  }
}

export { deleteNetwork as delete };
