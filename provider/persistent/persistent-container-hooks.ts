import * as fs from "fs";
import type * as pulumi from "@pulumi/pulumi";
import { inspectContainer, removeContainer, stopTimeoutOf } from "../docker/containers";
import { isManagedByBerth } from "../docker/labels";
import { plainData, plainProps } from "../dynamic/plain-props";
import { notice } from "../progress";
import { specHash } from "../spec-hash";
import { CONTAINER_KEY_HINTS } from "../container/key-hints";
import { checkInputs, type CheckFailure } from "../validation/check-inputs";
import { attachEverywhere, checkImages, inspectAttachable } from "./attach-everywhere";
import { gateEverywhere } from "./gate-everywhere";
import { allOrError, failure, hostProgress, members, onEveryHost } from "./host-set";
import { launchEverywhere } from "./launch-everywhere";
import { persistentContainerDiff, RUNNING_EVERYWHERE } from "./persistent-container-diff";
import { persistentContainerSchema, SETUP_SCRIPT_MAX_BYTES, type HostResult, type PersistentContainerOutputs, type PersistentContainerProps } from "./persistent-container-schema";
import { setupScriptFile } from "./setup-script-source";
import { describeAbsence, isRunning, survey, type HostState } from "./survey";

function setupScriptFailures(props: PersistentContainerProps): CheckFailure[] {
  const script = props.setupScript;
  if (!script) return [];
  const file = setupScriptFile(script);
  const property = script.inline ? "setupScript.inline" : "setupScript.path";
  let size: number;
  try {
    fs.accessSync(file, fs.constants.R_OK);
    size = fs.statSync(file).size;
  } catch {
    return [{ property, reason: `${file} cannot be read; check the path and its permissions` }];
  }
  if (size > SETUP_SCRIPT_MAX_BYTES) {
    return [{ property, reason: `${file} is ${size} bytes, over the ${SETUP_SCRIPT_MAX_BYTES}-byte limit; move the work into the image` }];
  }
  return [];
}

function containerSpecHash(props: PersistentContainerProps): string {
  const { hosts, hostsTls: _tls, owner: _owner, runToken: _token, verifyHosts: _verify, observed: _observed, removeOnDestroy: _remove, readiness: _readiness, ...shape } = props;
  return specHash({ hosts: hosts.map((h) => h.url), ...shape });
}

/** no_launch: the container must run on every host; berth only reads. */
async function verifyRunning(props: PersistentContainerProps, states: HostState[]): Promise<HostResult[]> {
  const absent = states.filter((s) => !isRunning(s));
  if (absent.length > 0) {
    throw failure(props, `container "${props.name}" is not running on every host: ${absent.map(describeAbsence).join("; ")}`, "berth never launches a no_launch container; start it there");
  }
  const running = states.map((s) => ({ member: s.member, info: s.info! }));
  await checkImages(props, running);
  await gateEverywhere(props, running);
  return running.map(({ member, info }) => ({ host: member.host.url, containerId: info.Id, imageId: info.Image, action: "verified", provisioned: false }));
}

/** persistent: attach when it runs everywhere, cold-start when it runs nowhere, touch nothing when it runs on some. */
async function attachOrColdStart(props: PersistentContainerProps, states: HostState[], hash: string): Promise<HostResult[]> {
  const running = states.filter(isRunning);
  if (running.length === states.length) return attachEverywhere(props, running.map((s) => ({ member: s.member, info: s.info! })));
  if (running.length === 0) return launchEverywhere(props, hash);
  throw failure(
    props,
    `partial set: container "${props.name}" runs on ${running.map((s) => s.member.host.url).join(", ")} but is ${states.filter((s) => !isRunning(s)).map(describeAbsence).join("; ")}`,
    "berth touched nothing. Start it on the listed hosts, or remove it everywhere to cold-start it",
  );
}

async function converge(props: PersistentContainerProps): Promise<PersistentContainerOutputs> {
  const hash = containerSpecHash(props);
  const states = props.lifetime === "per_run" ? [] : await survey(props);
  const hostResults =
    props.lifetime === "no_launch" ? await verifyRunning(props, states) : props.lifetime === "per_run" ? await launchEverywhere(props, hash) : await attachOrColdStart(props, states, hash);
  return { ...props, hostResults, specHash: hash, observed: RUNNING_EVERYWHERE };
}

/**
 * Each update's look at the hosts, read-only: a no_launch container is
 * verified (a failure fails the run); a persistent one is checked as attaching
 * would, and anything else than a healthy set is reported for the update to
 * act on (cold start, provisioning again, or the partial-set error).
 */
async function observe(props: PersistentContainerProps): Promise<string> {
  const states = await survey(props);
  if (props.lifetime === "no_launch") {
    await verifyRunning(props, states);
    return RUNNING_EVERYWHERE;
  }
  if (!states.every(isRunning)) return states.filter((s) => !isRunning(s)).map(describeAbsence).join("; ");
  const outdated = await inspectAttachable(props, states.map((s) => ({ member: s.member, info: s.info! })));
  return outdated.length > 0 ? `provisioned with another setup script on ${outdated.map((r) => r.member.host.url).join(", ")}` : RUNNING_EVERYWHERE;
}

export async function check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
  const outcome = checkInputs(persistentContainerSchema, plainProps(news), "PersistentContainer", CONTAINER_KEY_HINTS);
  if (outcome.failures.length > 0) return outcome;
  const parsed = persistentContainerSchema.safeParse(outcome.inputs);
  if (!parsed.success) return outcome;
  const failures = setupScriptFailures(parsed.data);
  const props = parsed.data;
  const existing = Object.keys(olds).length > 0;
  if (failures.length > 0 || !existing || !props.verifyHosts || props.lifetime === "per_run") return { inputs: outcome.inputs, failures };
  return { inputs: { ...outcome.inputs, observed: await observe(props) }, failures };
}

export async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult> {
  return persistentContainerDiff(plainProps(olds), plainProps(news));
}

export async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
  const props = persistentContainerSchema.parse(plainProps(inputs));
  let outs: PersistentContainerOutputs;
  try {
    outs = await converge(props);
  } catch (err) {
    if ((err as Error).message.startsWith("PersistentContainer ")) throw err;
    throw failure(props, (err as Error).message);
  }
  return { id: `${props.name}@${props.hosts.map((h) => h.url).join(",")}`, outs: plainData(outs) };
}

/** Refresh inspects; a no_launch container is verified again. */
export async function read(id: string, stored: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
  const old = plainProps(stored) as unknown as PersistentContainerOutputs;
  if (old.lifetime === "no_launch") return { id, props: plainData({ ...old, hostResults: await verifyRunning(old, await survey(old)) }) };
  const states = await survey(old);
  const ours = states.filter((s) => s.info && old.hostResults.some((r) => r.containerId === s.info!.Id));
  if (ours.length === 0) return {};
  const hostResults = old.hostResults.filter((r) => ours.some((s) => s.info!.Id === r.containerId));
  return { id, props: plainData({ ...old, hostResults }) };
}

/** An update re-verifies (no_launch) or re-attaches (persistent); spec changes only update state. */
export async function update(_id: string, _olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult> {
  const props = persistentContainerSchema.parse(plainProps(news));
  const states = await survey(props);
  const hostResults = props.lifetime === "no_launch" ? await verifyRunning(props, states) : await attachOrColdStart(props, states, containerSpecHash(props));
  return { outs: plainData({ ...props, hostResults, specHash: containerSpecHash(props), observed: RUNNING_EVERYWHERE }) };
}

export async function deletePersistentContainer(_id: string, stored: Record<string, unknown>): Promise<void> {
  const props = plainProps(stored) as unknown as PersistentContainerOutputs;
  const subject = `PersistentContainer "${props.owner.resource}"`;
  if (props.lifetime === "no_launch") return;
  if (props.lifetime === "persistent" && !props.removeOnDestroy) {
    notice(subject, `kept container "${props.name}" running on ${props.hosts.length} host(s) (lifetime persistent); set \`removeOnDestroy: true\` to remove it on destroy`);
    return;
  }
  const removed = await onEveryHost(members(props), async (member) => {
    const info = await inspectContainer(member.docker, props.name);
    if (info && isManagedByBerth(info.Config.Labels)) await removeContainer(member.docker, info.Id, stopTimeoutOf(info), hostProgress(props, member));
  });
  allOrError(props, "removing the container", removed);
}

export { deletePersistentContainer as delete };
