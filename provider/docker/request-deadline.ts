import type Docker from "dockerode";

/** How long a call that the daemon answers at once (inspect, create, start, remove, …) may take, connecting included. */
export const ANSWER_DEADLINE_MS = 120_000;
/** What a stop may take beyond its grace period: the kill after it, and the exit. */
export const STOP_MARGIN_MS = 30_000;

/** The parts of docker-modem's request options that decide a call's deadline. */
export interface DockerRequest {
  method: string;
  path: string;
  options?: Record<string, unknown>;
  isStream?: boolean;
  hijack?: boolean;
  abortSignal?: AbortSignal;
}

/**
 * How long berth waits for the daemon to answer a call, in milliseconds, or
 * `undefined` when the caller bounds it by what the user configured:
 * - a stop or restart: its grace period `t` plus a margin (berth always gives `t`);
 * - waiting for an exit: the job's `timeoutSeconds`, which kills the container;
 * - a stream (logs, events, pull, exec): only its first answer is bounded here;
 *   the gate's deadline, the job's or setup script's timeout bound the rest;
 * - a call given its own abort signal: that signal (the CLI's);
 * - every other call: `ANSWER_DEADLINE_MS`.
 */
export function requestDeadlineMs(request: DockerRequest): number | undefined {
  if (request.abortSignal) return undefined;
  const path = request.path.split("?")[0];
  if (/\/containers\/[^/]+\/(stop|restart)$/.test(path)) {
    const grace = Number(request.options?.t);
    return Number.isFinite(grace) && grace >= 0 ? grace * 1000 + STOP_MARGIN_MS : undefined;
  }
  if (/\/containers\/[^/]+\/wait$/.test(path)) return undefined;
  return ANSWER_DEADLINE_MS;
}

type Dial = (options: DockerRequest, callback: (err: unknown, data?: unknown) => void) => void;

/**
 * Gives every call of a client its deadline (see `requestDeadlineMs`): the
 * call fails with a message naming the host, the call and the milliseconds
 * when the daemon has not answered by then. For a stream the deadline ends
 * with its first answer.
 */
export function boundRequests(docker: Docker, hostUrl: string): void {
  const modem = docker.modem as unknown as { dial: Dial };
  const dial = modem.dial.bind(modem);
  modem.dial = (options, callback) => {
    const ms = requestDeadlineMs(options);
    if (ms === undefined) return dial(options, callback);
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), ms);
    dial({ ...options, abortSignal: deadline.signal }, (err, data) => {
      clearTimeout(timer);
      const late = err !== null && err !== undefined && deadline.signal.aborted;
      callback(late ? new Error(`host ${hostUrl} did not answer ${options.method} ${options.path.split("?")[0]} within ${ms} ms`) : err, data);
    });
  };
}
