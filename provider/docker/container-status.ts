import type Docker from "dockerode";

/**
 * What a container is doing, as `docker ps` would say it: `created` (never
 * started), `running`, `paused` (frozen by `docker pause`), `restarting`
 * (its restart policy is bringing it back), `exited`, or `gone`.
 */
export type ContainerState = "created" | "running" | "paused" | "restarting" | "exited" | "gone";

export interface ContainerStatus {
  state: ContainerState;
  exitCode: number;
  oomKilled: boolean;
  restartCount: number;
  startedAt?: string;
}

/** Whether a container in this state counts as `running: true`: up, or on its way back up by its restart policy. */
export const countsAsRunning = (state: ContainerState) => state === "running" || state === "restarting";

function stateOf(s: Docker.ContainerInspectInfo["State"]): ContainerState {
  // A paused or restarting container also says Running.
  if (s.Paused || s.Status === "paused") return "paused";
  if (s.Restarting || s.Status === "restarting") return "restarting";
  if (s.Running) return "running";
  return s.Status === "created" ? "created" : "exited";
}

/** Maps Docker's inspect answer to berth's states; a missing container is "gone". */
export function containerStatus(info: Docker.ContainerInspectInfo | undefined): ContainerStatus {
  if (!info) return { state: "gone", exitCode: 1, oomKilled: false, restartCount: 0 };
  const s = info.State;
  return {
    state: stateOf(s),
    exitCode: typeof s.ExitCode === "number" ? s.ExitCode : 1,
    oomKilled: Boolean(s.OOMKilled),
    restartCount: info.RestartCount ?? 0,
    startedAt: s.StartedAt && !s.StartedAt.startsWith("0001-") ? s.StartedAt : undefined,
  };
}
