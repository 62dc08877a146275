import type * as pulumi from "@pulumi/pulumi";
import type Docker from "dockerode";
import { dockerClient } from "../docker/client";
import { dockerMessage, isNotFound } from "../docker/errors";
import { createLabels, describeOwner, isManagedByBerth, isOwnedBy } from "../docker/labels";
import { plainData, plainProps } from "../dynamic/plain-props";
import { replacingSpecHash } from "../dynamic/property-diff";
import { log } from "../log";
import { objectName } from "../naming";
import { progress } from "../progress";
import { secretsRedactor } from "../redaction";
import { resourceError } from "../resource-error";
import { checkInputs } from "../validation/check-inputs";
import { removeService } from "./service-removal";
import { serviceSpec } from "./service-spec";
import { settleMs, type Attempt } from "./settle-window";
import { rollsTasks, ServiceGateError, standingOf, waitUntilServiceReady } from "./service-gate";
import { SWARM_SERVICE_DIFF_RULES, swarmServiceDiff } from "./swarm-service-diff";
import { swarmServiceOutputs, type SwarmServiceOutputs } from "./swarm-service-outputs";
import { swarmServiceFields, swarmServiceSchema, type SwarmServiceProps } from "./swarm-service-schema";

const DEFAULT_DEADLINE_SECONDS = 120;
/** How long a delete waits for the tasks to stop, beyond their grace period. */
const REMOVAL_SLACK_MS = 30_000;

function fail(props: SwarmServiceProps, cause: string, advice?: string): Error {
  return resourceError("SwarmService", props.owner.resource, `swarm manager ${props.host.url}`, secretsRedactor(props)(cause), advice);
}

function client(props: SwarmServiceProps): Docker {
  return dockerClient(props.host, props.hostTls);
}

function report(props: SwarmServiceProps): (message: string) => void {
  return progress(`SwarmService "${props.owner.resource}"`);
}

function registryAuth(props: SwarmServiceProps): Record<string, string> | undefined {
  const auth = props.registryAuth;
  return auth && { username: auth.username, password: auth.password, serveraddress: auth.serverAddress };
}

/** One second back: the daemon and this process read the same clock, but not at the same instant. */
function attemptStart(): string {
  return new Date(Date.now() - 1000).toISOString();
}

function gateOptions(props: SwarmServiceProps, since: string, isUpdate: boolean, attempt: Attempt = { rolls: false }) {
  return {
    deadlineMs: (props.readiness?.deadlineSeconds ?? DEFAULT_DEADLINE_SECONDS) * 1000,
    settleMs: settleMs(props, attempt),
    since,
    isUpdate,
    awaitRollout: attempt.rolls,
    onProgress: report(props),
  };
}

function removalDeadlineMs(props: SwarmServiceProps): number {
  return props.stopGracePeriodSeconds * 1000 + REMOVAL_SLACK_MS;
}

async function inspectService(docker: Docker, idOrName: string): Promise<Docker.Service | undefined> {
  try {
    return await docker.getService(idOrName).inspect();
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

function replicasOf(service: Docker.Service): number | undefined {
  return service.Spec?.Mode?.Replicated?.Replicas;
}

/** Writes a spec onto an existing service: the swarm rolls its tasks under the service's update policy. */
async function updateService(docker: Docker, props: SwarmServiceProps, service: Docker.Service, spec: Docker.ServiceSpec): Promise<void> {
  const auth = registryAuth(props);
  await docker.getService(service.ID).update(auth as never, { ...spec, version: service.Version?.Index } as never);
}

export async function check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
  return checkInputs(swarmServiceSchema, plainProps(news), "SwarmService");
}

export async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult> {
  return swarmServiceDiff(plainProps(olds), plainProps(news));
}

export async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
  const props = swarmServiceSchema.parse(plainProps(inputs));
  const docker = client(props);
  const hash = replacingSpecHash(props, SWARM_SERVICE_DIFF_RULES);
  const name = props.name ?? objectName(props.owner, hash);
  const spec = serviceSpec(props, name, createLabels({ kind: "swarm-service", owner: props.owner, specHash: hash }, props.labels));
  const since = attemptStart();

  let serviceId: string;
  let adopted = false;
  let attempt: Attempt = { rolls: false };
  try {
    const existing = await inspectService(docker, name);
    if (existing && isOwnedBy(existing.Spec?.Labels, props.owner)) {
      log.provider("%s: adopting its own service left by an earlier, interrupted create", name);
      await updateService(docker, props, existing, spec);
      serviceId = existing.ID;
      adopted = true;
      attempt = { rolls: await rollsTasks(docker, serviceId), previousReplicas: replicasOf(existing) };
    } else if (existing) {
      const holder = isManagedByBerth(existing.Spec?.Labels) ? describeOwner(existing.Spec!.Labels!) : "a service berth did not create";
      throw fail(props, `service name "${name}" is taken by ${holder}`, "Choose another `name`");
    } else {
      serviceId = ((await docker.createService(registryAuth(props) as never, spec)) as { id: string }).id;
    }
  } catch (err) {
    if ((err as Error).message.startsWith("SwarmService ")) throw err;
    throw fail(props, dockerMessage(err), "Check that `host` is a swarm manager");
  }

  try {
    const standing = await waitUntilServiceReady(docker, serviceId, gateOptions(props, since, adopted, attempt));
    return { id: serviceId, outs: plainData(swarmServiceOutputs(props, serviceId, name, hash, standing)) };
  } catch (err) {
    const cause = err instanceof ServiceGateError ? err.message : dockerMessage(err);
    await removeService(docker, serviceId, removalDeadlineMs(props), report(props)).catch((cleanup) =>
      log.provider("%s: could not remove the service after a failed create: %s", name, dockerMessage(cleanup)),
    );
    throw fail(props, cause, "The service was removed");
  }
}

/** The input properties kept in the outputs, for `read` to report a scale behind berth's back. */
function inputsOf(outputs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(swarmServiceFields.shape).flatMap((key) => (key in outputs ? [[key, outputs[key]]] : [])));
}

export async function read(id: string, stored: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
  const old = plainProps(stored) as unknown as SwarmServiceOutputs;
  const docker = client(old);
  let service: Docker.Service | undefined;
  try {
    service = await inspectService(docker, id);
    if (!service || !isManagedByBerth(service.Spec?.Labels)) {
      log.provider("service %s is gone from the swarm of %s", id.slice(0, 12), old.host.url);
      return {};
    }
    const standing = await standingOf(docker, id, attemptStart());
    const outs = plainData(swarmServiceOutputs(old, id, old.serviceName, old.specHash, standing));
    const replicas = replicasOf(service);
    if (old.mode !== "replicated" || replicas === old.replicas) return { id, props: outs };
    // Scaled behind berth's back: recorded as an input change, so that the next `up` shows and undoes it.
    return { id, props: { ...outs, replicas }, inputs: { ...inputsOf(stored), replicas } };
  } catch (err) {
    throw fail(old, `could not inspect service ${id.slice(0, 12)}: ${dockerMessage(err)}`, "Check that the manager is running and reachable");
  }
}

export async function update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult> {
  const old = plainProps(olds) as unknown as SwarmServiceOutputs;
  // A rename (aliases, a new parent) updates in place: the owner stays the one written on the service's labels.
  const props = { ...swarmServiceSchema.parse(plainProps(news)), owner: old.owner };
  const docker = client(props);
  const spec = serviceSpec(props, old.serviceName, createLabels({ kind: "swarm-service", owner: props.owner, specHash: old.specHash }, props.labels));
  const since = attemptStart();
  try {
    const service = await inspectService(docker, id);
    if (!service) throw fail(props, `service ${id.slice(0, 12)} is gone`, "Run `pulumi refresh`, then `pulumi up` to create it again");
    await updateService(docker, props, service, spec);
    const attempt = { rolls: await rollsTasks(docker, id), previousReplicas: replicasOf(service) };
    const standing = await waitUntilServiceReady(docker, id, gateOptions(props, since, true, attempt));
    return { outs: plainData(swarmServiceOutputs(props, id, old.serviceName, old.specHash, standing)) };
  } catch (err) {
    if ((err as Error).message.startsWith("SwarmService ")) throw err;
    throw fail(props, err instanceof ServiceGateError ? err.message : dockerMessage(err));
  }
}

export async function deleteSwarmService(id: string, stored: Record<string, unknown>): Promise<void> {
  const props = plainProps(stored) as unknown as SwarmServiceOutputs;
  const docker = client(props);
  try {
    const service = await inspectService(docker, id);
    if (service && !isManagedByBerth(service.Spec?.Labels)) {
      throw fail(props, `service ${id.slice(0, 12)}, recorded as this resource's, does not carry berth's labels, so berth does not remove it`, "Remove it yourself if it is yours, then run `pulumi destroy` again");
    }
    await removeService(docker, id, removalDeadlineMs(props), report(props));
  } catch (err) {
    if ((err as Error).message.startsWith("SwarmService ")) throw err;
    throw fail(props, `could not remove service ${id.slice(0, 12)}: ${dockerMessage(err)}`, "Check the manager, then run `pulumi destroy` again");
  }
}

export { deleteSwarmService as delete };
