import type Docker from "dockerode";
import { containerStatus } from "../docker/container-status";

/** Why a container is no longer running while its readiness is awaited. */
export interface ContainerStop {
  exitCode: number;
  oomKilled: boolean;
  /** Its restart policy brought it back, or is about to. */
  restarting: boolean;
  /** Removed before an exit was seen. */
  removed: boolean;
  /** Frozen by `docker pause`: whatever answers for it (the port proxy) is not the app. */
  paused: boolean;
}

/** What an inspect answer says about a container that should be running; `undefined` while it runs. */
export function stopFromInspect(info: Docker.ContainerInspectInfo | undefined): ContainerStop | undefined {
  const status = containerStatus(info);
  if (status.state === "running") return undefined;
  return {
    exitCode: status.exitCode,
    oomKilled: status.oomKilled,
    restarting: status.state === "restarting",
    removed: status.state === "gone",
    paused: status.state === "paused",
  };
}

export function describeStop(stop: ContainerStop): string {
  if (stop.removed) return "the container was removed";
  if (stop.paused) return "the container was paused (`docker pause`)";
  const oom = stop.oomKilled ? " (OOM-killed: it ran out of memory)" : "";
  const restart = stop.restarting ? " and is being restarted by its restart policy" : "";
  return `the container exited with exit code ${stop.exitCode}${oom}${restart}`;
}
