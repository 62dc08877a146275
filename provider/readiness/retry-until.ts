import { systemClock, type Clock } from "./clock";

export interface RetryOptions {
  /** The whole wait, initial delay included. */
  deadlineMs: number;
  /** Time between the starts of two attempts; a slower attempt is followed at once by the next. */
  periodMs: number;
  /** What is awaited, for the timeout message, e.g. `http://127.0.0.1:32768/healthz`. */
  what: string;
  /** Time before the first attempt. */
  initialDelayMs?: number;
  clock?: Clock;
  /** Aborting ends the wait at once: it rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** The deadline of a wait passed; the message states the milliseconds and what was awaited. */
export class WaitTimeoutError extends Error {
  constructor(
    readonly deadlineMs: number,
    readonly what: string,
  ) {
    super(`timed out after ${deadlineMs} ms waiting for ${what}`);
  }
}

/**
 * The one polling loop behind every wait: calls `attempt` until `isDone`
 * accepts its result. An attempt starts only before the deadline, so the wait
 * gives up as soon as no further attempt fits; bounding a single attempt is the
 * caller's part. Errors thrown by `attempt` end the wait.
 */
export async function retryUntil<T>(attempt: () => Promise<T>, isDone: (result: T) => boolean, options: RetryOptions): Promise<T> {
  const { deadlineMs, periodMs, what, initialDelayMs = 0, clock = systemClock, signal } = options;
  const deadline = clock.now() + deadlineMs;
  let nextStart = clock.now() + initialDelayMs;
  for (;;) {
    signal?.throwIfAborted();
    if (nextStart >= deadline) throw new WaitTimeoutError(deadlineMs, what);
    const now = clock.now();
    if (nextStart > now) await clock.sleep(nextStart - now, signal);
    const started = clock.now();
    const result = await attempt();
    signal?.throwIfAborted();
    if (isDone(result)) return result;
    nextStart = Math.max(started + periodMs, clock.now());
  }
}
