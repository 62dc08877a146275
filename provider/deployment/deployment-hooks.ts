import type * as pulumi from "@pulumi/pulumi";
import type Docker from "dockerode";
import { dockerClient } from "../docker/client";
import { containerStatus, countsAsRunning } from "../docker/container-status";
import { bringUp, inspectContainer as inspect, removeAfterFailure, removeContainer, stopContainer } from "../docker/containers";
import { dockerMessage, isNotFound } from "../docker/errors";
import { ensureImage } from "../docker/image";
import { describeOwner, isManagedByBerth, isOwnedBy, LABELS } from "../docker/labels";
import { plainData, plainProps } from "../dynamic/plain-props";
import { replacingSpecHash } from "../dynamic/property-diff";
import { probeAddress } from "../host/host-schema";
import { log } from "../log";
import { objectName } from "../naming";
import { progress } from "../progress";
import { waitUntilReady, waitUntilSettled, type GateTarget } from "../readiness";
import { secretsRedactor } from "../redaction";
import { resourceError } from "../resource-error";
import { checkInputs } from "../validation/check-inputs";
import { readEnvFile, withEnvFiles } from "../container/env-files";
import { CONTAINER_KEY_HINTS } from "../container/key-hints";
import { updatableResources } from "./container-plan";
import { DEPLOYMENT_DIFF_RULES, deploymentDiff } from "./deployment-diff";
import { boundHostPorts, deploymentOutputs, type DeploymentOutputs } from "./deployment-outputs";
import { deploymentFields, deploymentSchema, type DeploymentProps } from "./deployment-schema";
import { effectiveReadiness } from "./effective-readiness";
import { launchContainer } from "./launch-container";
import { removeSidecars, startSidecars } from "./sidecars";

function subject(props: DeploymentProps): string {
  return `Deployment "${props.owner.resource}" on host ${props.host.url}`;
}

function fail(props: DeploymentProps, cause: string, advice?: string): Error {
  return resourceError("Deployment", props.owner.resource, `host ${props.host.url}`, cause, advice);
}

function client(props: DeploymentProps): Docker {
  return dockerClient(props.host, props.hostTls);
}

/** How long a container without any gate must keep running after its start. */
const SETTLE_MS = 1000;

function report(props: DeploymentProps): (message: string) => void {
  return progress(`Deployment "${props.owner.resource}"`);
}

/**
 * Gates a just started container on its readiness, or without any, on still
 * running `SETTLE_MS` after its start; on failure the error carries exit code
 * and log tail. Returns the container as the gate saw it.
 */
async function gate(docker: Docker, props: DeploymentProps, containerId: string): Promise<Docker.ContainerInspectInfo> {
  const readiness = effectiveReadiness(props);
  const target: GateTarget = {
    docker,
    containerId,
    probeAddress: probeAddress(props.host),
    // Docker's ephemeral host ports are known only while the container runs: read them from the gate's own inspect.
    hostPortFor: (ref, now) => [...boundHostPorts(props, now)].find(([port]) => port.name === ref || (port.protocol === "tcp" && port.containerPort === ref))?.[1],
    subject: subject(props),
    redact: secretsRedactor(props),
    onProgress: report(props),
  };
  return readiness ? waitUntilReady(readiness, target) : waitUntilSettled(SETTLE_MS, target);
}

/** A container with the name this deployment wants: ours to adopt, ours but stale, or someone else's. */
async function claimName(docker: Docker, props: DeploymentProps, name: string, hash: string): Promise<Docker.ContainerInspectInfo | undefined> {
  const existing = await inspect(docker, name);
  if (!existing) return undefined;
  const labels = existing.Config.Labels ?? {};
  if (isOwnedBy(labels, props.owner)) {
    if (labels[LABELS.specHash] === hash) return existing;
    log.provider("%s: removing this resource's stale container with another spec", name);
    await removeContainer(docker, existing.Id);
    return undefined;
  }
  if (isManagedByBerth(labels)) {
    throw fail(props, `container name "${name}" is taken by ${describeOwner(labels)}`, "Choose another `name`");
  }
  throw fail(props, `name collision: container "${name}" exists and was not created by berth`, "berth never removes it; rename or remove it yourself, or choose another `name`");
}

/**
 * The props the container is made and gated with: env files merged into
 * `env`, their values redacted like secrets. State keeps the props without
 * them (only the files' sha256).
 */
function withEnvFilesOf(props: DeploymentProps): DeploymentProps {
  try {
    return withEnvFiles(props);
  } catch (err) {
    throw fail(props, (err as Error).message, "Fix the file, then run the command again");
  }
}

export async function check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
  const outcome = checkInputs(deploymentSchema, plainProps(news), "Deployment", CONTAINER_KEY_HINTS);
  if (outcome.failures.length > 0 || !("envFiles" in outcome.inputs)) return outcome;
  const envFileFailures = (outcome.inputs as DeploymentProps).envFiles.flatMap((file, i) => {
    const { problem } = readEnvFile(file);
    return problem ? [{ property: `envFiles.${i}`, reason: problem }] : [];
  });
  return { ...outcome, failures: envFileFailures };
}

export async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult> {
  return deploymentDiff(plainProps(olds), plainProps(news));
}

export async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
  const props = deploymentSchema.parse(plainProps(inputs));
  const docker = client(props);
  const hash = replacingSpecHash(props, DEPLOYMENT_DIFF_RULES);
  const name = props.name ?? objectName(props.owner, hash);
  const launch = withEnvFilesOf(props);

  let containerId: string;
  let imageId: string;
  try {
    const adopted = await claimName(docker, props, name, hash);
    if (adopted) {
      log.provider("%s: adopting its own container left by an earlier, interrupted create", name);
      imageId = adopted.Image;
      if (props.running) await bringUp(docker, adopted);
      containerId = adopted.Id;
    } else {
      const image = await ensureImage(docker, props.image, props.pullPolicy, props.registryAuth, report(props));
      imageId = image.id;
      containerId = await launchContainer(docker, launch, image, name, hash);
    }
  } catch (err) {
    if ((err as Error).message.startsWith("Deployment ")) throw err;
    throw fail(props, secretsRedactor(launch)(dockerMessage(err)));
  }

  try {
    if (props.running) await startSidecars(docker, props, name, hash);
    const ready = props.running ? await gate(docker, launch, containerId) : (await inspect(docker, containerId))!;
    return { id: containerId, outs: plainData(deploymentOutputs(props, ready, imageId, hash)) };
  } catch (err) {
    if (props.sidecars.length) await removeSidecars(docker, name).catch(() => undefined);
    await removeAfterFailure(docker, containerId);
    throw (err as Error).message.startsWith("Deployment ") ? err : fail(props, (err as Error).message);
  }
}

/** The input properties kept in a deployment's outputs, for `read` to report drift of `running`. */
function inputsOf(outputs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(deploymentFields.shape).flatMap((key) => (key in outputs ? [[key, outputs[key]]] : [])));
}

export async function read(id: string, stored: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
  const old = plainProps(stored) as unknown as DeploymentOutputs;
  let info: Docker.ContainerInspectInfo | undefined;
  try {
    info = await inspect(client(old), id);
  } catch (err) {
    throw fail(old, `could not inspect container ${id.slice(0, 12)}: ${dockerMessage(err)}`, "Check that the daemon is running and reachable");
  }
  // The container id is the key: whatever the resource is called now, the container made for it is the one with this id.
  if (!info || !isManagedByBerth(info.Config.Labels)) {
    log.provider("%s is gone from host %s", id.slice(0, 12), old.host.url);
    return {};
  }
  const running = countsAsRunning(containerStatus(info).state);
  const outs = plainData({ ...deploymentOutputs(old, info, old.imageId, old.specHash), running });
  if (running === old.running) return { id, props: outs };
  // The container was stopped (or started) behind berth's back: record it as
  // an input change so that the next `up` shows and undoes it in place.
  return { id, props: outs, inputs: { ...inputsOf(stored), running } };
}

export async function update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult> {
  const old = plainProps(olds) as unknown as DeploymentOutputs;
  // A rename (aliases, a new parent) updates in place: the owner stays the one written on the container's labels.
  const props = { ...deploymentSchema.parse(plainProps(news)), owner: old.owner };
  const docker = client(props);
  const container = docker.getContainer(id);
  const launch = withEnvFilesOf(props);
  let broughtUp = false;
  try {
    const before = await container.inspect();
    await container.update(updatableResources(props));
    const { state } = containerStatus(before);
    const name = before.Name.replace(/^\//, "");
    if (props.running) {
      broughtUp = await bringUp(docker, before);
      if (broughtUp && state !== "paused") await startSidecars(docker, props, name, old.specHash);
    }
    if (!props.running && state !== "created" && state !== "exited") {
      if (props.sidecars.length) await removeSidecars(docker, name, props.stopGracePeriodSeconds);
      await stopContainer(docker, id, props.stopGracePeriodSeconds, report(props));
    }
  } catch (err) {
    if (isNotFound(err)) throw fail(props, `container ${id.slice(0, 12)} is gone`, "Run `pulumi refresh`, then `pulumi up` to create it again");
    throw fail(props, dockerMessage(err));
  }
  const now = broughtUp ? await gate(docker, launch, id) : (await inspect(docker, id))!;
  return { outs: plainData(deploymentOutputs(props, now, old.imageId, old.specHash)) };
}

export async function deleteDeployment(id: string, stored: Record<string, unknown>): Promise<void> {
  const props = plainProps(stored) as unknown as DeploymentOutputs;
  const docker = client(props);
  let info: Docker.ContainerInspectInfo | undefined;
  try {
    info = await inspect(docker, id);
    if (!info) return;
    if (isManagedByBerth(info.Config.Labels)) {
      if (props.sidecars?.length) await removeSidecars(docker, info.Name.replace(/^\//, ""), props.stopGracePeriodSeconds);
      await removeContainer(docker, id, props.stopGracePeriodSeconds, progress(`Deployment "${props.owner.resource}"`));
      return;
    }
  } catch (err) {
    throw fail(props, `could not remove container ${id.slice(0, 12)}: ${dockerMessage(err)}`, "Check the daemon, then run `pulumi destroy` again");
  }
  throw fail(
    props,
    `container ${id.slice(0, 12)}, recorded as this resource's, does not carry berth's labels, so berth does not remove it`,
    "Remove it yourself if it is yours, then run `pulumi destroy` again",
  );
}

export { deleteDeployment as delete };
