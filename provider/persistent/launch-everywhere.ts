import type Docker from "dockerode";
import { joinOtherNetworks } from "../container/join-networks";
import { createNamedContainer, inspectContainer, removeAfterFailure, removeContainer, stopTimeoutOf } from "../docker/containers";
import { ensureImage } from "../docker/image";
import { createLabels, isManagedByBerth, LABELS } from "../docker/labels";
import { gateEverywhere } from "./gate-everywhere";
import { allOrError, failure, hostProgress, members, onEveryHost, type Member } from "./host-set";
import { launchSkew } from "./image-consistency";
import { persistentContainerPlan } from "./persistent-container-plan";
import type { HostResult, PersistentContainerProps } from "./persistent-container-schema";
import { readSetupScript } from "./provision";
import { provisionEverywhere } from "./provision-everywhere";

/**
 * Makes room for a fresh container: a same-named one berth launched is
 * stale and removed; one without berth's labels is never touched.
 */
async function clearName(member: Member, props: PersistentContainerProps): Promise<void> {
  const existing = await inspectContainer(member.docker, props.name);
  if (!existing) return;
  const labels = existing.Config.Labels ?? {};
  if (!isManagedByBerth(labels) || labels[LABELS.kind] !== "persistent-container") {
    throw new Error(`name collision: container "${props.name}" exists and was not launched by berth; berth never removes it`);
  }
  await removeContainer(member.docker, existing.Id, stopTimeoutOf(existing), hostProgress(props, member));
}

async function launchOn(member: Member, props: PersistentContainerProps, specHash: string): Promise<Docker.ContainerInspectInfo> {
  await clearName(member, props);
  const image = await ensureImage(member.docker, props.image as string, props.pullPolicy, props.registryAuth, hostProgress(props, member));
  const facts = { kind: "persistent-container" as const, owner: props.owner, specHash, lifetime: props.lifetime, containerName: props.name };
  const labels = createLabels(facts, props.labels, image.labels);
  const container = await createNamedContainer(member.docker, persistentContainerPlan(props, labels));
  try {
    await joinOtherNetworks(member.docker, container.id, props.networks);
    await container.start();
    return await container.inspect();
  } catch (err) {
    await removeAfterFailure(member.docker, container.id);
    throw err;
  }
}

/**
 * Launches fresh containers on every host at once, provisions them with the
 * setup script and gates them. Any host failing any step fails the whole
 * launch, and the fresh containers are removed on every host first.
 */
export async function launchEverywhere(props: PersistentContainerProps, specHash: string): Promise<HostResult[]> {
  const script = props.setupScript;
  const body = script ? readSetupScript(script) : undefined;
  const hosts = members(props);
  const launched = await onEveryHost(hosts, (member) => launchOn(member, props, specHash));
  const fresh = launched.flatMap((l) => (l.ok ? [{ member: l.member, info: l.value }] : []));
  try {
    allOrError(props, "launch", launched);
    const skew = launchSkew(props.image as string, fresh.map((f) => ({ host: f.member.host.url, imageId: f.info.Image })));
    if (skew) throw failure(props, skew);
    if (script && body) await provisionEverywhere(props, fresh.map((f) => ({ member: f.member, containerId: f.info.Id })), script, body);
    await gateEverywhere(props, fresh);
  } catch (err) {
    await Promise.all(fresh.map((f) => removeAfterFailure(f.member.docker, f.info.Id)));
    throw new Error(`${(err as Error).message.trimEnd()} The fresh containers were removed on every host.`);
  }
  return fresh.map(({ member, info }) => ({
    host: member.host.url,
    containerId: info.Id,
    imageId: info.Image,
    action: "launched",
    provisioned: script !== undefined,
    ...(info.State.StartedAt ? { startedAt: info.State.StartedAt } : {}),
  }));
}
