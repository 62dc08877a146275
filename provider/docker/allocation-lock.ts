import type Docker from "dockerode";
import { log } from "../log";
import { retryUntil } from "../readiness/retry-until";
import { removeContainer } from "./containers";
import { isConflict } from "./errors";
import { LABELS, MANAGED_BY } from "./labels";

const LOCK_NAME = "berth-allocation-lock";
const LOCK_WAIT_MS = 30_000;
const LOCK_POLL_MS = 25;
/** A lock older than this was left by a process that died while holding it. */
const STALE_LOCK_MS = 60_000;

async function lockAge(docker: Docker): Promise<number | undefined> {
  const info = await docker.getContainer(LOCK_NAME).inspect().catch(() => undefined);
  return info ? Date.now() - Date.parse(info.Created) : undefined;
}

/**
 * Runs `critical` while holding the daemon's allocation lock: a created
 * (never started) container with a fixed name, which Docker lets exist only
 * once. That makes reading who holds which host ports and GPUs and creating
 * the labelled container one step for every process and stack that talks to
 * this daemon.
 */
export async function withAllocationLock<T>(docker: Docker, image: string, critical: () => Promise<T>): Promise<T> {
  await retryUntil(() => tryToLock(docker, image), (taken) => taken, {
    deadlineMs: LOCK_WAIT_MS,
    periodMs: LOCK_POLL_MS,
    what: `the host's allocation lock (container "${LOCK_NAME}")`,
  });
  try {
    return await critical();
  } finally {
    await removeContainer(docker, LOCK_NAME);
  }
}

/** One try to take the lock; a lock left by a process that died is broken, for the next try to take. */
async function tryToLock(docker: Docker, image: string): Promise<boolean> {
  try {
    await docker.createContainer({ name: LOCK_NAME, Image: image, Cmd: ["true"], Labels: { [LABELS.managedBy]: MANAGED_BY, [LABELS.kind]: "lock" } });
    return true;
  } catch (err) {
    if (!isConflict(err)) throw err;
    const age = await lockAge(docker);
    if (age !== undefined && age > STALE_LOCK_MS) {
      log.docker("breaking an allocation lock left %d ms ago", age);
      await removeContainer(docker, LOCK_NAME);
    }
    return false;
  }
}
