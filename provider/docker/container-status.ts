import type Docker from "dockerode";

export type ContainerState = "starting" | "running" | "paused" | "exited" | "gone";

export interface ContainerStatus {
  state: ContainerState;
  exitCode: number;
  oomKilled: boolean;
  restartCount: number;
  startedAt?: string;
}

/** Maps Docker's inspect answer to berth's states; a missing container is "gone". */
export function containerStatus(info: Docker.ContainerInspectInfo | undefined): ContainerStatus {
  if (!info) return { state: "gone", exitCode: 1, oomKilled: false, restartCount: 0 };
  const s = info.State;
  const state: ContainerState =
    s.Status === "created" || s.Restarting || s.Status === "restarting"
      ? "starting"
      : s.Paused || s.Status === "paused"
        ? "paused"
        : s.Running
          ? "running"
          : "exited";
  return {
    state,
    exitCode: typeof s.ExitCode === "number" ? s.ExitCode : 1,
    oomKilled: Boolean(s.OOMKilled),
    restartCount: info.RestartCount ?? 0,
    startedAt: s.StartedAt && !s.StartedAt.startsWith("0001-") ? s.StartedAt : undefined,
  };
}
