import type Docker from "dockerode";
import { canonicalJson } from "../spec-hash";
import { retryUntil, WaitTimeoutError } from "../readiness/retry-until";
import { systemClock, type Clock } from "../readiness/clock";
import { throttledProgress } from "../readiness/throttled-progress";
import { describeStanding, describeTask, isReady, serviceStanding, type ServiceStanding } from "./task-summary";

const POLL_MS = 250;
const PROGRESS_MS = 2000;
/** Failed tasks of one attempt after which a create gives up before its deadline: the swarm would retry them for ever. */
const FAILED_TASKS_LIMIT = 3;

/** The gate saw the swarm refuse or undo the change; the message names the task error and the node. */
export class ServiceGateError extends Error {}

/** Whether the last write to a service changed what its tasks run, so that the swarm rolls them. */
export async function rollsTasks(docker: Docker, serviceId: string): Promise<boolean> {
  const service = await docker.getService(serviceId).inspect();
  const shape = (spec: Docker.ServiceSpec | undefined) => canonicalJson({ task: spec?.TaskTemplate ?? null, endpoint: spec?.EndpointSpec ?? null });
  return service.PreviousSpec !== undefined && shape(service.Spec) !== shape(service.PreviousSpec);
}

/** `options` may carry an abort signal, which dockerode passes on: the CLI bounds every call with one. */
export async function nodeNames(docker: Docker, options: object = {}): Promise<Map<string, string>> {
  const nodes = await docker.listNodes(options);
  return new Map(nodes.map((n) => [n.ID as string, (n.Description?.Hostname as string) ?? (n.ID as string)]));
}

export async function standingOf(docker: Docker, serviceId: string, since: string): Promise<ServiceStanding> {
  const [service, tasks, names] = await Promise.all([
    docker.getService(serviceId).inspect(),
    docker.listTasks({ filters: { service: [serviceId] } }),
    nodeNames(docker),
  ]);
  return serviceStanding(service, tasks, names, since);
}

function lastFailure(standing: ServiceStanding): string {
  const task = standing.failed[0];
  return task ? `task ${task.id} ${describeTask(task)}` : "no task failure was recorded";
}

/** Ends the wait early on an outcome no waiting can change. */
function verdict(standing: ServiceStanding, options: GateOptions): "ready" | "wait" | Error {
  const current = standing.updateIsCurrent;
  if (current && standing.updateState === "rollback_completed") {
    return new ServiceGateError(`the swarm rolled the update back (${standing.updateMessage ?? "no reason given"}); ${lastFailure(standing)}; the service runs its previous spec again`);
  }
  if (current && (standing.updateState === "paused" || standing.updateState === "rollback_paused")) {
    return new ServiceGateError(`the swarm paused the ${standing.updateState === "paused" ? "update" : "rollback"} (${standing.updateMessage ?? "no reason given"}); ${lastFailure(standing)}`);
  }
  if (options.awaitRollout && !current) return "wait";
  if (isReady(standing)) return "ready";
  if (!options.isUpdate && standing.failed.length >= FAILED_TASKS_LIMIT) {
    return new ServiceGateError(`${standing.failed.length} tasks failed; ${lastFailure(standing)}`);
  }
  return "wait";
}

export interface GateOptions {
  deadlineMs: number;
  /** How long the service must stay ready before the gate passes: without a healthcheck, a task that crashes at once runs for a moment. */
  settleMs: number;
  /** When the attempt began, as the daemon's ISO time: older tasks and update states are history. */
  since: string;
  isUpdate: boolean;
  /** The change rolls the tasks: until the swarm reports its rolling update, the old tasks running say nothing. */
  awaitRollout: boolean;
  onProgress: (message: string) => void;
  clock?: Clock;
}

/**
 * One call to the manager per round where the attempt allows: the tasks. The
 * service is read every round only for an update (its update status moves);
 * a new service's spec is the one just written, read once for its replicas.
 * Nodes are listed again only when a task names one not seen yet.
 */
function standingReader(docker: Docker, serviceId: string, options: GateOptions): () => Promise<ServiceStanding> {
  let service: Docker.Service | undefined;
  let names = new Map<string, string>();
  return async () => {
    const [current, tasks] = await Promise.all([
      service && !options.isUpdate ? service : docker.getService(serviceId).inspect(),
      docker.listTasks({ filters: { service: [serviceId] } }),
    ]);
    service = current;
    if (tasks.some((task) => task.NodeID && !names.has(task.NodeID))) names = await nodeNames(docker);
    return serviceStanding(current, tasks, names, options.since);
  };
}

/**
 * Waits until every task the service wants runs and is ready and no rolling
 * update moves tasks, through the one polling loop. A rollback, a paused
 * update or repeated task failures end it at once; the deadline ends it with
 * the scheduler's or the node's own reasons.
 */
export async function waitUntilServiceReady(docker: Docker, serviceId: string, options: GateOptions): Promise<ServiceStanding> {
  const clock = options.clock ?? systemClock;
  const report = throttledProgress(options.onProgress, PROGRESS_MS, clock);
  const read = standingReader(docker, serviceId, options);
  let last: ServiceStanding | undefined;
  let readySince: number | undefined;
  try {
    const standing = await retryUntil(
      async () => {
        last = await read();
        report(describeStanding(last));
        return last;
      },
      (standing) => {
        const outcome = verdict(standing, options);
        if (outcome !== "ready") readySince = undefined;
        else readySince ??= clock.now();
        return outcome instanceof Error || (readySince !== undefined && clock.now() - readySince >= options.settleMs);
      },
      { deadlineMs: options.deadlineMs, periodMs: POLL_MS, what: `every task of service ${serviceId.slice(0, 12)} to run and be ready`, clock },
    );
    const outcome = verdict(standing, options);
    if (outcome instanceof Error) throw outcome;
    return standing;
  } catch (err) {
    if (err instanceof WaitTimeoutError) throw new ServiceGateError(`${err.message}: ${last ? describeStanding(last) : "no answer from the swarm"}`);
    throw err;
  }
}
