import type * as pulumi from "@pulumi/pulumi";
import type Docker from "dockerode";
import { dockerClient } from "../docker/client";
import { dockerMessage, isConflict, isNotFound } from "../docker/errors";
import { createLabels, describeHolder, isOwnedBy, LABELS } from "../docker/labels";
import { claimExisting, removableOnDelete, stillOwned } from "../docker/named-object-claim";
import { plainData, plainProps } from "../dynamic/plain-props";
import { replacingSpecHash } from "../dynamic/property-diff";
import { log } from "../log";
import { objectName } from "../naming";
import { resourceError } from "../resource-error";
import { checkInputs } from "../validation/check-inputs";
import { VOLUME_DIFF_RULES, volumeDiff } from "./volume-diff";
import { volumeSchema, type VolumeOutputs, type VolumeProps } from "./volume-schema";

function fail(props: VolumeProps, cause: string, advice?: string): Error {
  return resourceError("Volume", props.owner.resource, `host ${props.host.url}`, cause, advice);
}

function client(props: VolumeProps): Docker {
  return dockerClient(props.host, props.hostTls);
}

async function inspectVolume(props: VolumeProps, name: string): Promise<Docker.VolumeInspectInfo | undefined> {
  try {
    return await client(props).getVolume(name).inspect();
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw fail(props, `could not inspect volume "${name}": ${dockerMessage(err)}`, "Check that the daemon is running and reachable");
  }
}

function outputs(props: VolumeProps, info: Docker.VolumeInspectInfo, hash: string, adopted: boolean): VolumeOutputs {
  return plainData({ ...props, volumeName: info.Name, mountpoint: info.Mountpoint, specHash: hash, adopted });
}

export async function check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
  return checkInputs(volumeSchema, plainProps(news), "Volume");
}

export async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult> {
  return volumeDiff(plainProps(olds), plainProps(news));
}

export async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
  const props = volumeSchema.parse(plainProps(inputs));
  const hash = replacingSpecHash(props, VOLUME_DIFF_RULES);
  const name = props.name ?? objectName(props.owner, hash);
  const existing = await inspectVolume(props, name);

  if (existing) {
    const claim = claimExisting({ what: "volume", owner: props.owner, adopt: props.adopt, fail: (cause, advice) => fail(props, cause, advice) }, name, existing.Labels ?? {}, hash);
    return { id: name, outs: outputs(props, existing, hash, claim === "adopt") };
  }

  try {
    await client(props).createVolume({
      Name: name,
      Driver: props.driver,
      DriverOpts: props.driverOptions,
      Labels: createLabels({ kind: "volume", owner: props.owner, specHash: hash }, props.labels),
    });
  } catch (err) {
    throw fail(props, `could not create volume "${name}": ${dockerMessage(err)}`, "Check `driver` and `driverOptions`");
  }
  const created = await inspectVolume(props, name);
  if (!created) throw fail(props, `volume "${name}" vanished right after it was created`);
  // Docker answers a create of a name that exists with that volume: a create at the same moment may have won it.
  const labels = created.Labels ?? {};
  if (!isOwnedBy(labels, props.owner) || labels[LABELS.specHash] !== hash) {
    throw fail(props, `volume "${name}" was created at the same moment by ${describeHolder(labels)}`, "berth leaves it alone; choose another `name`");
  }
  return { id: name, outs: outputs(props, created, hash, false) };
}

export async function read(id: string, stored: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
  const props = stored as unknown as VolumeOutputs;
  const info = await inspectVolume(props, props.volumeName ?? id);
  if (!info || !stillOwned(info.Labels, props.owner, props.adopted)) {
    log.provider("volume %s is gone from host %s", id, props.host.url);
    return {};
  }
  return { id, props: { ...plainProps(stored), mountpoint: info.Mountpoint } };
}

export async function update(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult> {
  // Only properties that never reach Docker change in place (host TLS material, `adopt`).
  const old = plainProps(olds) as unknown as VolumeOutputs;
  // A rename (aliases, a new parent) updates in place: the owner stays the one written on the volume's labels.
  const props = { ...volumeSchema.parse(plainProps(news)), owner: old.owner };
  return { outs: plainData({ ...props, volumeName: old.volumeName, mountpoint: old.mountpoint, specHash: old.specHash, adopted: old.adopted }) };
}

export async function deleteVolume(id: string, stored: Record<string, unknown>): Promise<void> {
  const props = stored as unknown as VolumeOutputs;
  const name = props.volumeName ?? id;
  const info = await removableOnDelete("volume", name, props, () => inspectVolume(props, name));
  if (!info) return;
  try {
    await client(props).getVolume(name).remove();
  } catch (err) {
    if (isNotFound(err)) return;
    if (isConflict(err)) {
      const users = await containersUsing(props, name);
      throw fail(
        props,
        `volume "${name}" is still in use by ${users.length ? users.map((c) => `"${c}"`).join(", ") : "a container"}`,
        "Remove or re-point those containers first, then run `pulumi destroy` again",
      );
    }
    throw fail(props, `could not remove volume "${name}": ${dockerMessage(err)}`);
  }
}

async function containersUsing(props: VolumeProps, name: string): Promise<string[]> {
  const containers = await client(props).listContainers({ all: true, filters: { volume: [name] } });
  return containers.map((c) => (c.Names[0] ?? c.Id).replace(/^\//, ""));
}

export { deleteVolume as delete };
