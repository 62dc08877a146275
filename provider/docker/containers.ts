import type Docker from "dockerode";
import { log } from "../log";
import { HEARTBEAT_MS, stoppingFor } from "../progress";
import { retryUntil } from "../readiness/retry-until";
import { containerStatus } from "./container-status";
import { dockerMessage, isConflict, isNotFound, isNotModified } from "./errors";
import { describeHolder } from "./labels";

/** Inspects a container; a missing one is `undefined`, any other failure is thrown. */
export async function inspectContainer(docker: Docker, idOrName: string): Promise<Docker.ContainerInspectInfo | undefined> {
  try {
    return await docker.getContainer(idOrName).inspect();
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/**
 * Stops a container: SIGTERM (or its stop signal), then SIGKILL once the
 * grace period is over. Docker answers when the container has exited, so the
 * call lasts as long as the grace period at most; meanwhile `onProgress`
 * hears how long it has waited. A container already stopped or gone is fine.
 */
export async function stopContainer(docker: Docker, id: string, graceSeconds: number, onProgress?: (message: string) => void): Promise<void> {
  const started = Date.now();
  const beating = onProgress && setInterval(() => onProgress(stoppingFor(Date.now() - started, graceSeconds)), HEARTBEAT_MS);
  try {
    await docker.getContainer(id).stop({ t: graceSeconds });
  } catch (err) {
    if (!isNotFound(err) && !isNotModified(err)) throw err;
  } finally {
    clearInterval(beating);
  }
}

/**
 * Removes a container and its anonymous volumes, after a graceful stop when a
 * grace period is given (else it is killed). A container already gone is fine.
 */
export async function removeContainer(docker: Docker, id: string, graceSeconds?: number, onProgress?: (message: string) => void): Promise<void> {
  if (graceSeconds !== undefined) await stopContainer(docker, id, graceSeconds, onProgress);
  try {
    await docker.getContainer(id).remove({ force: true, v: true });
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/** The grace period a container was created with: its `StopTimeout`, else Docker's default of 10 s. */
// dockerode's types leave StopTimeout out of the inspected config.
export const stopTimeoutOf = (info: Docker.ContainerInspectInfo): number => (info.Config as { StopTimeout?: number }).StopTimeout ?? 10;

/** Brings a container to running: starts a created or exited one, unpauses a paused one. Returns whether it had to. */
export async function bringUp(docker: Docker, info: Docker.ContainerInspectInfo): Promise<boolean> {
  const { state } = containerStatus(info);
  if (state === "paused") await docker.getContainer(info.Id).unpause();
  else if (state === "created" || state === "exited") await docker.getContainer(info.Id).start();
  else return false;
  return true;
}

/** Cleanup after a failure: never hides the original error, only logs its own. */
export async function removeAfterFailure(docker: Docker, id: string): Promise<void> {
  await removeContainer(docker, id).catch((err) => log.docker("%s: cleanup failed: %s", id.slice(0, 12), dockerMessage(err)));
}

/**
 * Creates a named container. A name already taken (by a concurrent create, or
 * a container made meanwhile) is berth's own error naming the holder, never
 * Docker's bare conflict.
 */
export async function createNamedContainer(docker: Docker, options: Docker.ContainerCreateOptions): Promise<Docker.Container> {
  try {
    return await docker.createContainer(options);
  } catch (err) {
    if (!isConflict(err) || !options.name) throw err;
    // Docker holds the name of a container still being created before it can be inspected.
    const name = options.name;
    const holder = await retryUntil(() => inspectContainer(docker, name), Boolean, { deadlineMs: 2000, periodMs: 50, what: `container "${name}"` }).catch(() => undefined);
    throw new Error(`container name "${options.name}" is already taken by ${describeHolder(holder?.Config.Labels)}; berth never removes it: remove it yourself or choose another \`name\``);
  }
}
