import type { Readable } from "stream";
import type Docker from "dockerode";
import { inspectContainer } from "../docker/containers";
import { dockerMessage } from "../docker/errors";
import { log } from "../log";
import { stopFromInspect, type ContainerStop } from "./container-stop";
import { dockerTimeNanos } from "./docker-time";

interface ContainerEvent {
  Action: string;
  timeNano: number;
  Actor?: { Attributes?: Record<string, string> };
}

/**
 * Calls `onStop` once when the running container dies (an exit, a crash that
 * its restart policy answers, `docker rm -f`) or is paused. Docker pushes the
 * events, so the gate learns of a crash at once instead of on its next poll;
 * replaying them from the container's start means none slips in before the
 * stream opens.
 * The returned function ends the watch.
 */
export async function watchContainer(docker: Docker, info: Docker.ContainerInspectInfo, onStop: (stop: ContainerStop) => void): Promise<() => void> {
  const short = info.Id.slice(0, 12);
  const startedAt = dockerTimeNanos(info.State.StartedAt);
  const events = await docker.getEvents({
    since: Math.floor(startedAt / 1e9),
    filters: { type: ["container"], container: [info.Id], event: ["oom", "die", "destroy", "pause"] },
  });
  let closed = false;
  let oomKilled = false;
  let stopped = false;

  const stop = async (event: ContainerEvent) => {
    const exitCode = Number(event.Actor?.Attributes?.exitCode);
    const now = await inspectContainer(docker, info.Id).catch((err) => {
      log.readiness("%s could not inspect after its %s event: %s", short, event.Action, dockerMessage(err));
      return undefined;
    });
    const seen = stopFromInspect(now);
    if (closed) return;
    onStop({
      exitCode: Number.isInteger(exitCode) ? exitCode : (seen?.exitCode ?? 1),
      oomKilled: oomKilled || Boolean(seen?.oomKilled),
      // Running again already, or waiting for its restart policy's next try.
      restarting: now !== undefined && (seen === undefined || seen.restarting),
      removed: event.Action === "destroy",
      paused: false,
    });
  };

  // The replay holds pauses that an unpause has ended since: only a container paused now has stopped.
  const stillPaused = async () => {
    const now = await inspectContainer(docker, info.Id).catch(() => undefined);
    const seen = stopFromInspect(now);
    if (closed || stopped || !seen?.paused) return;
    stopped = true;
    log.readiness("%s was paused during the gate", short);
    onStop(seen);
  };

  docker.modem.followProgress(
    events,
    (err) => {
      if (!closed) log.readiness("%s event stream ended (%s): a crash is now noticed at the deadline only", short, err?.message ?? "closed by the daemon");
    },
    (event: ContainerEvent) => {
      // The replay starts at the whole second: events from an earlier run of the container are not this run's.
      if (closed || stopped || event.timeNano < startedAt) return;
      if (event.Action === "oom") {
        oomKilled = true;
        return;
      }
      if (event.Action === "pause") {
        void stillPaused();
        return;
      }
      stopped = true;
      log.readiness("%s %s event: the container stopped during the gate", short, event.Action);
      void stop(event);
    },
  );
  return () => {
    closed = true;
    (events as Readable).destroy();
  };
}
