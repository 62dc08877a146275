import type Docker from "dockerode";
import { isManagedByBerth, LABELS } from "../docker/labels";
import { warning } from "../progress";
import { gateEverywhere } from "./gate-everywhere";
import { hostImage } from "./host-image";
import { allOrError, failure, onEveryHost, type Member } from "./host-set";
import { imageConsistency } from "./image-consistency";
import type { HostResult, PersistentContainerProps } from "./persistent-container-schema";
import { provisionedSha256, readSetupScript } from "./provision";
import { provisionEverywhere } from "./provision-everywhere";

export interface Running {
  member: Member;
  info: Docker.ContainerInspectInfo;
}

/** Every host must run the same image; a stale tag is worth a warning, not a failure. */
export async function checkImages(props: PersistentContainerProps, running: Running[]): Promise<void> {
  const images = await Promise.all(running.map((r) => hostImage(r.member, r.info, props.image)));
  const { error, warnings } = imageConsistency(images);
  if (error) throw failure(props, error);
  for (const message of warnings) warning(`PersistentContainer "${props.owner.resource}"`, message);
}

/**
 * The hosts whose container was provisioned with another script, when the
 * user asked to provision again on change. A container never provisioned, or
 * provisioned with another script without that opt-in, is an error.
 */
async function outdatedProvisioning(props: PersistentContainerProps, running: Running[]): Promise<Running[]> {
  const script = props.setupScript;
  if (!script) return [];
  const markers = allOrError(props, "reading the setup marker", await onEveryHost(running.map((r) => r.member), (m) => provisionedSha256(m.docker, running.find((r) => r.member === m)!.info.Id)));
  const never = running.filter((_, i) => markers[i] === undefined).map((r) => r.member.host.url);
  if (never.length > 0) {
    throw failure(props, `container "${props.name}" is running but was never provisioned on ${never.join(", ")}`, "Remove it there (berth then reports the set as partial) or everywhere to cold-start it");
  }
  const changed = running.filter((_, i) => markers[i] !== script.sha256);
  if (changed.length > 0 && !script.reprovisionOnChange) {
    throw failure(
      props,
      `container "${props.name}" was provisioned with another setup script on ${changed.map((r) => r.member.host.url).join(", ")} (sha256 ${markers.find((m) => m !== script.sha256)?.slice(0, 12)}, now ${script.sha256.slice(0, 12)})`,
      "Set `setupScript.reprovisionOnChange: true` to run the new script there, or remove the container to cold-start it",
    );
  }
  return changed;
}

function refuseForeign(props: PersistentContainerProps, running: Running[]): void {
  const foreign = running.filter((r) => !isManagedByBerth(r.info.Config.Labels) || r.info.Config.Labels[LABELS.kind] !== "persistent-container");
  if (foreign.length > 0) {
    throw failure(props, `name collision: container "${props.name}" on ${foreign.map((f) => f.member.host.url).join(", ")} was not launched by berth`, "berth never adopts it; use `lifetime: \"no_launch\"` to only verify it");
  }
}

/**
 * What attaching would find, without changing anything: an error for what
 * attaching refuses, the hosts to provision again, or, when there are none,
 * a passed readiness gate.
 */
export async function inspectAttachable(props: PersistentContainerProps, running: Running[]): Promise<Running[]> {
  refuseForeign(props, running);
  await checkImages(props, running);
  const outdated = await outdatedProvisioning(props, running);
  if (outdated.length === 0) await gateEverywhere(props, running);
  return outdated;
}

/** Attaches to a container berth launched and that runs on every host: no launch, no provisioning (unless asked). */
export async function attachEverywhere(props: PersistentContainerProps, running: Running[]): Promise<HostResult[]> {
  const outdated = await inspectAttachable(props, running);
  if (outdated.length > 0) {
    const script = props.setupScript!;
    await provisionEverywhere(props, outdated.map((r) => ({ member: r.member, containerId: r.info.Id })), script, readSetupScript(script));
    await gateEverywhere(props, running);
  }
  return running.map(({ member, info }) => ({
    host: member.host.url,
    containerId: info.Id,
    imageId: info.Image,
    action: "attached",
    provisioned: props.setupScript !== undefined,
    ...(info.State.StartedAt ? { startedAt: info.State.StartedAt } : {}),
  }));
}
