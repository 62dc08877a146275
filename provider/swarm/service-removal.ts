import type Docker from "dockerode";
import { isNotFound } from "../docker/errors";
import { retryUntil } from "../readiness/retry-until";

const POLL_MS = 250;

/** Tasks are listed unfiltered: a filter naming a removed service is refused, and its tasks outlive it until they stop. */
async function remainingTasks(docker: Docker, serviceId: string): Promise<number> {
  const tasks = await docker.listTasks();
  return tasks.filter((task) => task.ServiceID === serviceId).length;
}

/** Removes a service (gone already is fine) and waits until the swarm has no task of it left. */
export async function removeService(docker: Docker, serviceId: string, deadlineMs: number, onProgress: (message: string) => void): Promise<void> {
  try {
    await docker.getService(serviceId).remove();
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  await retryUntil(
    async () => {
      const left = await remainingTasks(docker, serviceId);
      if (left > 0) onProgress(`removing, ${left} tasks still stopping`);
      return left;
    },
    (left) => left === 0,
    { deadlineMs, periodMs: POLL_MS, what: `the tasks of service ${serviceId.slice(0, 12)} to stop` },
  );
}
