import type Docker from "dockerode";
import { log } from "../log";
import { dockerMessage, isNotFound, isNotModified } from "./errors";

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
