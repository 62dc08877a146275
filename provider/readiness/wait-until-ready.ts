import type Docker from "dockerode";
import { containerLogTail } from "../docker/container-logs";
import { inspectContainer } from "../docker/containers";
import { dockerMessage } from "../docker/errors";
import { log } from "../log";
import { systemClock, type Clock } from "./clock";
import { describeStop, stopFromInspect, type ContainerStop } from "./container-stop";
import { watchContainer } from "./container-watch";
import type { GateTarget } from "./gate-target";
import { ProbeLoop } from "./probe-loop";
import { FinalProbeFailure } from "./readiness-probe";
import { probeFromProps } from "./probe-from-props";
import type { GateReadiness } from "./readiness-schema";
import { WaitTimeoutError } from "./retry-until";
import { throttledProgress } from "./throttled-progress";

const LOG_TAIL_LINES = 20;
const PROGRESS_INTERVAL_MS = 500;

/** The last lines of the container's log for an error message; reading them must not hide the error itself. */
async function logSection(target: GateTarget): Promise<string> {
  const tail = await containerLogTail(target.docker, target.containerId, { lines: LOG_TAIL_LINES, redact: target.redact, settled: false }).catch(
    (err) => `(the log could not be read: ${dockerMessage(err)})`,
  );
  return `Last ${LOG_TAIL_LINES} lines of the container log:\n${tail || "(the container wrote nothing)"}`;
}

async function failure(target: GateTarget, cause: string): Promise<Error> {
  return new Error(target.redact(`${target.subject}: ${cause}.\n${await logSection(target)}`));
}

/** Follows the container's events while a gate waits: `signal` aborts when it stops, and `stop()` says how. */
async function watchForStop(target: GateTarget, info: Docker.ContainerInspectInfo): Promise<{ signal: AbortSignal; stop: () => ContainerStop | undefined; end: () => void }> {
  const stopped = new AbortController();
  let stop: ContainerStop | undefined;
  const end = await watchContainer(target.docker, info, (s) => {
    stop = s;
    stopped.abort();
  }).catch((err) => {
    throw new Error(`${target.subject}: could not follow the events of container ${target.containerId.slice(0, 12)}: ${dockerMessage(err)}. Check that the daemon is running and reachable`);
  });
  return { signal: stopped.signal, stop: () => stop, end };
}

async function inspectAtStart(target: GateTarget): Promise<Docker.ContainerInspectInfo | undefined> {
  try {
    return await inspectContainer(target.docker, target.containerId);
  } catch (err) {
    throw new Error(`${target.subject}: could not inspect container ${target.containerId.slice(0, 12)} to gate its readiness: ${dockerMessage(err)}. Check that the daemon is running and reachable`);
  }
}

/**
 * Waits until the started container passes its readiness probes, on
 * Kubernetes' timing, within the readiness deadline. Fails fast when the
 * container exits or restarts meanwhile; every failure states the exit code or
 * the milliseconds waited, what was awaited, the last probe error and the last
 * lines of the container log, redacted. Returns the inspect taken when the
 * gate began: the container has neither stopped nor restarted since.
 */
export async function waitUntilReady(readiness: GateReadiness, target: GateTarget, clock: Clock = systemClock): Promise<Docker.ContainerInspectInfo> {
  const short = target.containerId.slice(0, 12);
  const startedAt = clock.now();
  const elapsed = () => Math.round(clock.now() - startedAt);

  const info = await inspectAtStart(target);
  if (!info) throw await failure(target, "the container was removed before its readiness could be probed");
  const stoppedBefore = stopFromInspect(info);
  if (stoppedBefore) throw await failure(target, `${describeStop(stoppedBefore)} before its readiness could be probed`);
  const probe = probeFromProps(readiness, target, info, clock);
  const what = probe.describe();
  log.readiness("%s waiting up to %d s for %s", short, readiness.deadlineSeconds, what);

  const progress = throttledProgress((message) => target.onProgress?.(target.redact(message)), PROGRESS_INTERVAL_MS, clock);
  const loop = new ProbeLoop(probe, readiness, clock, ({ attempt, error }) => {
    log.readiness("%s attempt %d: %s", short, attempt, target.redact(error ?? "passed"));
    if (error !== undefined) progress(`waiting for ${what} (attempt ${attempt}, last: ${error})`);
  });

  const watch = await watchForStop(target, info);
  let verdict: "ready" | "gave-up";
  try {
    verdict = await loop.run(watch.signal);
  } catch (err) {
    const stop = watch.stop();
    if (stop) throw await failure(target, `${describeStop(stop)} after ${elapsed()} ms, while waiting for ${what}. Fix what the log shows, or check the image, \`command\` and \`env\``);
    if (err instanceof FinalProbeFailure) {
      throw await failure(target, `${err.message} after ${elapsed()} ms, while waiting for ${what}. Fix what the check's output and the log show, or give the app longer with \`healthcheck.startPeriod\` or \`healthcheck.retries\``);
    }
    if (err instanceof WaitTimeoutError) {
      throw await failure(target, `${err.message} (${loop.attempts} attempts, last error: ${loop.lastError ?? "none"}). Check the probe settings against what the log shows, or raise \`readiness.deadlineSeconds\``);
    }
    throw err;
  } finally {
    watch.end();
    probe.close?.();
  }
  if (verdict === "gave-up") {
    throw await failure(
      target,
      `gave up after ${readiness.failureThreshold} failed attempts in a row (\`readiness.failureThreshold\`) and ${elapsed()} ms waiting for ${what}; last error: ${loop.lastError}. Raise \`readiness.failureThreshold\` if the app needs longer to start`,
    );
  }
  log.readiness("%s ready after %d ms (%d attempts)", short, elapsed(), loop.attempts);
  return info;
}

/**
 * The check for a container without any gate: it must still be running, not
 * restarted, `settleMs` after its start. A process that exits at once fails
 * the step with its exit code and log tail instead of passing as created.
 * Returns the inspect taken when the check began.
 */
export async function waitUntilSettled(settleMs: number, target: GateTarget, clock: Clock = systemClock): Promise<Docker.ContainerInspectInfo> {
  const info = await inspectAtStart(target);
  if (!info) throw await failure(target, "the container was removed right after its start");
  const rule = `within ${settleMs} ms of its start (a Deployment without readiness must still be running then). Fix what the log shows, or check the image, \`command\` and \`env\``;
  const stoppedBefore = stopFromInspect(info);
  if (stoppedBefore) throw await failure(target, `${describeStop(stoppedBefore)} ${rule}`);
  const watch = await watchForStop(target, info);
  await clock.sleep(settleMs, watch.signal).catch(() => undefined).finally(watch.end);
  const stop = watch.stop();
  if (stop) throw await failure(target, `${describeStop(stop)} ${rule}`);
  return info;
}
