import type Docker from "dockerode";
import { containerLogTail } from "../docker/container-logs";
import { removeContainer } from "../docker/containers";
import { HEARTBEAT_MS } from "../progress";

export interface AttemptResult {
  exitCode: number;
  oomKilled: boolean;
  timedOut: boolean;
  durationMs: number;
  logTail: string;
}

/**
 * Runs one attempt of a job, in a created container, to completion: waits for the container's exit
 * (registered before the start, so a quick exit is not missed), kills it at
 * the timeout, and reads the exit code and its log tail (redacted before any
 * cut). The exited container is left for the caller to keep or remove, so no
 * removal can race the result; when the attempt itself fails, it is removed
 * here. While it runs, `onProgress` hears how long it has run and the end of
 * its log, never after the attempt is over.
 */
export async function runAttempt(...args: Parameters<typeof runToExit>): Promise<AttemptResult> {
  try {
    return await runToExit(...args);
  } catch (err) {
    const [docker, container] = args;
    await removeContainer(docker, container.id);
    throw err;
  }
}

async function runToExit(
  docker: Docker,
  container: Docker.Container,
  timeoutMs: number,
  tailLines: number,
  redact: (text: string) => string,
  onProgress: (elapsedMs: number, logEnd: string) => void,
): Promise<AttemptResult> {
  const exited = container.wait({ condition: "next-exit" });
  const started = Date.now();
  await container.start();
  let over = false;
  let reading = false;
  const beating = setInterval(() => {
    if (reading) return;
    reading = true;
    containerLogTail(docker, container.id, { lines: 1, redact, settled: false })
      .then((log) => over || onProgress(Date.now() - started, `${log}\n`))
      .catch(() => undefined)
      .finally(() => (reading = false));
  }, HEARTBEAT_MS);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
  ]).finally(() => {
    over = true;
    clearTimeout(timer);
    clearInterval(beating);
  });
  if (timedOut) {
    await container.kill().catch(() => undefined);
    await exited.catch(() => undefined);
  }
  const durationMs = Date.now() - started;
  const state = (await container.inspect()).State;
  return {
    exitCode: typeof state.ExitCode === "number" ? state.ExitCode : 1,
    oomKilled: Boolean(state.OOMKilled),
    timedOut,
    durationMs,
    logTail: tailLines > 0 ? await containerLogTail(docker, container.id, { lines: tailLines, redact, settled: true }) : "",
  };
}
