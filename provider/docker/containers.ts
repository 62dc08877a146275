import type Docker from "dockerode";
import { log } from "../log";
import { retryUntil } from "../readiness/retry-until";
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
 * Removes a container and its anonymous volumes, after a graceful stop when a
 * grace period is given. A container already stopped or gone is fine.
 */
export async function removeContainer(docker: Docker, id: string, graceSeconds?: number): Promise<void> {
  const container = docker.getContainer(id);
  try {
    if (graceSeconds !== undefined) await container.stop({ t: graceSeconds });
  } catch (err) {
    if (!isNotFound(err) && !isNotModified(err)) throw err;
  }
  try {
    await container.remove({ force: true, v: true });
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
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
