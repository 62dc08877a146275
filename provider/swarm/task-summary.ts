/** A swarm task as the gate reads it, its node named. */
export interface TaskView {
  id: string;
  node: string;
  state: string;
  desiredState: string;
  error?: string;
  createdAt: string;
  /** The GPU ids the swarm assigned the task from its node's generic resources. */
  gpus: string[];
}

/** Where a service stands, from its tasks and its update status: pure, so it is tested without a swarm. */
export interface ServiceStanding {
  desired: number;
  running: number;
  /** The tasks meant to run. */
  tasks: TaskView[];
  /** Tasks meant to run that do not run yet, with the scheduler's or the node's reason. */
  waiting: TaskView[];
  /** Tasks of this attempt that failed or were rejected. */
  failed: TaskView[];
  /** The swarm's rolling-update state, if it ever updated the service. */
  updateState?: string;
  updateMessage?: string;
  /** Whether that update began with this attempt; an older one may still move tasks (an attempt cut short by a failover). */
  updateIsCurrent: boolean;
}

const FAILED_STATES = new Set(["failed", "rejected"]);
/** Update states in which the swarm still moves tasks. */
const MOVING_UPDATE_STATES = new Set(["updating", "rollback_started"]);

export interface RawTask {
  ID?: string;
  NodeID?: string;
  DesiredState?: string;
  CreatedAt?: string;
  Status?: { State?: string; Err?: string; Message?: string };
  GenericResources?: Array<{ NamedResourceSpec?: { Kind?: string; Value?: string } }>;
}

export interface RawService {
  Spec?: { Mode?: { Replicated?: { Replicas?: number }; Global?: object } };
  UpdateStatus?: { State?: string; StartedAt?: string; Message?: string };
}

export function taskView(task: RawTask, nodeNames: ReadonlyMap<string, string>): TaskView {
  return {
    id: (task.ID ?? "").slice(0, 12),
    node: task.NodeID ? (nodeNames.get(task.NodeID) ?? task.NodeID.slice(0, 12)) : "no node",
    state: task.Status?.State ?? "unknown",
    desiredState: task.DesiredState ?? "unknown",
    error: task.Status?.Err || undefined,
    createdAt: task.CreatedAt ?? "",
    gpus: (task.GenericResources ?? []).flatMap((r) => (r.NamedResourceSpec?.Kind === "gpu" && r.NamedResourceSpec.Value ? [r.NamedResourceSpec.Value] : [])),
  };
}

/**
 * The service's standing for one attempt (a create or an update that began
 * at `since`, an ISO time): tasks and update states older than the attempt
 * are history, not news.
 */
export function serviceStanding(service: RawService, tasks: RawTask[], nodeNames: ReadonlyMap<string, string>, since: string): ServiceStanding {
  const views = tasks.map((task) => taskView(task, nodeNames));
  const meant = views.filter((t) => t.desiredState === "running");
  const replicas = service.Spec?.Mode?.Replicated?.Replicas;
  const update = service.UpdateStatus;
  const current = update?.StartedAt !== undefined && update.StartedAt >= since;
  return {
    desired: replicas ?? meant.length,
    running: meant.filter((t) => t.state === "running").length,
    tasks: meant,
    waiting: meant.filter((t) => t.state !== "running"),
    failed: views.filter((t) => FAILED_STATES.has(t.state) && t.createdAt >= since).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    ...(update?.State ? { updateState: update.State, updateMessage: update.Message } : {}),
    updateIsCurrent: current,
  };
}

/**
 * Every task meant to run runs (and, with a healthcheck, is healthy: the
 * swarm holds it in `starting` until then), at least as many as desired, and
 * no update moves tasks. More than desired is accepted: after a manager
 * failover a slot can keep two running tasks, which the swarm never
 * reconciles; `runningTasks` then says so.
 */
export function isReady(standing: ServiceStanding): boolean {
  if (standing.updateState && MOVING_UPDATE_STATES.has(standing.updateState)) return false;
  return standing.running >= standing.desired && standing.waiting.length === 0;
}

/** A task's state in words, e.g. `pending on no node: no suitable node (insufficient resources on 3 nodes)`. */
export function describeTask(task: TaskView): string {
  return `${task.state} on ${task.node}${task.error ? `: ${task.error}` : ""}`;
}

/** Why a service is not ready, for progress and timeout messages. */
export function describeStanding(standing: ServiceStanding): string {
  const parts = [`${standing.running} of ${standing.desired} tasks running`];
  const reasons = [...new Set(standing.waiting.map(describeTask))];
  if (reasons.length) parts.push(`waiting: ${reasons.slice(0, 3).join("; ")}`);
  if (standing.failed[0]) parts.push(`last failure: task ${standing.failed[0].id} ${describeTask(standing.failed[0])}`);
  if (standing.updateState && (standing.updateIsCurrent || MOVING_UPDATE_STATES.has(standing.updateState))) parts.push(`update ${standing.updateState}`);
  return parts.join(", ");
}
