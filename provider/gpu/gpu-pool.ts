import type Docker from "dockerode";
import { removeContainer } from "../docker/containers";
import { isConflict } from "../docker/errors";
import { describeOwner, LABELS, MANAGED_BY } from "../docker/labels";
import { log } from "../log";
import type { GpuHolding } from "./gpu-allocation";

const LOCK_NAME = "berth-gpu-allocation-lock";
const LOCK_WAIT_MS = 30_000;
const LOCK_POLL_MS = 25;
/** A lock older than this was left by a process that died while holding it. */
const STALE_LOCK_MS = 60_000;

/**
 * Who holds which GPUs on this daemon, rebuilt from the labels of berth's
 * containers — running or not: a container keeps its GPUs until removed.
 * Never from process memory: every `pulumi up` is a new process, and several
 * stacks share a host.
 */
export async function gpuHoldings(docker: Docker): Promise<GpuHolding[]> {
  const containers = await docker.listContainers({ all: true, filters: { label: [`${LABELS.managedBy}=${MANAGED_BY}`, LABELS.gpus] } });
  return containers.map((c) => ({ holder: describeOwner(c.Labels), ids: c.Labels[LABELS.gpus].split(",").filter(Boolean) }));
}

async function lockAge(docker: Docker): Promise<number | undefined> {
  const info = await docker.getContainer(LOCK_NAME).inspect().catch(() => undefined);
  return info ? Date.now() - Date.parse(info.Created) : undefined;
}

/**
 * Runs `critical` while holding the daemon's GPU allocation lock: a created
 * (never started) container with a fixed name, which Docker lets exist only
 * once. That makes reading the holdings and creating the labelled container
 * one step for every process and stack that talks to this daemon.
 */
export async function withGpuLock<T>(docker: Docker, image: string, critical: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      await docker.createContainer({ name: LOCK_NAME, Image: image, Cmd: ["true"], Labels: { [LABELS.managedBy]: MANAGED_BY, [LABELS.kind]: "lock" } });
      break;
    } catch (err) {
      if (!isConflict(err)) throw err;
      const age = await lockAge(docker);
      if (age !== undefined && age > STALE_LOCK_MS) {
        log.docker("breaking a GPU allocation lock left %d ms ago", age);
        await removeContainer(docker, LOCK_NAME);
        continue;
      }
      if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`could not take the host's GPU allocation lock within ${LOCK_WAIT_MS} ms (container "${LOCK_NAME}")`);
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
  }
  try {
    return await critical();
  } finally {
    await removeContainer(docker, LOCK_NAME);
  }
}
