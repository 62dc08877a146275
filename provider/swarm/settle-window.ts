import type { SwarmServiceProps } from "./swarm-service-schema";

/** How long a service without readiness must keep every task running, as a Deployment without a gate must. */
export const SETTLE_MS = 1000;

export interface Attempt {
  /** The change rolls the tasks, and the gate waits for the swarm's rolling update of it to complete. */
  rolls: boolean;
  /** Replicas the service had before this change; undefined for a new service. */
  previousReplicas?: number;
}

/**
 * How long the gate asks every task to stay running once all run. Readiness
 * is the service's healthcheck, which the swarm already waited for: nothing.
 * A rolling update the swarm completed under a failure action that stops it
 * (`rollback`, `pause`) with no failure tolerated has watched every new task
 * for `monitorSeconds` and would have reported a failure: nothing more, as
 * long as that watch is at least the window and no replica was added (the
 * swarm starts added replicas outside the rolling update, unwatched).
 * Otherwise the window, so that a task that crashes at once is not taken for
 * a running one.
 */
export function settleMs(props: SwarmServiceProps, attempt: Attempt): number {
  if (props.readiness) return 0;
  const { failureAction, maxFailureRatio, monitorSeconds } = props.update;
  const watched = failureAction !== "continue" && maxFailureRatio === 0 && monitorSeconds * 1000 >= SETTLE_MS;
  const added = props.mode === "replicated" && (attempt.previousReplicas === undefined || (props.replicas ?? 0) > attempt.previousReplicas);
  return attempt.rolls && watched && !added ? 0 : SETTLE_MS;
}
