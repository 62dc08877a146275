import { systemClock, type Clock } from "./clock";
import { ProbeStreak } from "./probe-streak";
import { FinalProbeFailure, type ReadinessProbe } from "./readiness-probe";
import type { ReadinessProps } from "./readiness-schema";
import { retryUntil } from "./retry-until";

export type ProbeTiming = Pick<
  ReadinessProps,
  "initialDelaySeconds" | "periodSeconds" | "timeoutSeconds" | "successThreshold" | "failureThreshold" | "deadlineSeconds"
>;

export interface AttemptReport {
  attempt: number;
  /** Why the attempt failed; absent when it passed. */
  error?: string;
}

const ms = (seconds: number) => Math.round(seconds * 1000);

/**
 * Runs a probe on Kubernetes' timing, without knowing about Docker: the
 * initial delay, one attempt per period (each bounded by the timeout and the
 * deadline), and the success and failure thresholds. A probe that throws has
 * failed that attempt: errors fail closed.
 */
export class ProbeLoop {
  attempts = 0;
  lastError: string | undefined;

  constructor(
    private readonly probe: ReadinessProbe,
    private readonly timing: ProbeTiming,
    private readonly clock: Clock = systemClock,
    private readonly onAttempt?: (report: AttemptReport) => void,
  ) {}

  /**
   * Resolves "ready", or "gave-up" after `failureThreshold` failures in a row;
   * rejects with a WaitTimeoutError at the deadline, with a FinalProbeFailure
   * as soon as the probe reports one, and with the signal's reason as soon as
   * `signal` aborts.
   */
  async run(signal?: AbortSignal): Promise<"ready" | "gave-up"> {
    const { initialDelaySeconds, periodSeconds, successThreshold, failureThreshold, deadlineSeconds } = this.timing;
    const streak = new ProbeStreak(successThreshold, failureThreshold);
    const deadlineAt = this.clock.now() + ms(deadlineSeconds);
    const verdict = await retryUntil(
      async () => {
        const attempt = ++this.attempts;
        const { error, cutShort } = await this.attempt(deadlineAt, signal);
        // An attempt the deadline cut short tells nothing about the app: the error before it is the one worth showing.
        if (error !== undefined && !(cutShort && this.lastError !== undefined)) this.lastError = error;
        this.onAttempt?.({ attempt, error });
        return streak.record(error === undefined);
      },
      (v) => v !== "waiting",
      { deadlineMs: ms(deadlineSeconds), periodMs: ms(periodSeconds), initialDelayMs: ms(initialDelaySeconds), what: this.probe.describe(), clock: this.clock, signal },
    );
    return verdict as "ready" | "gave-up";
  }

  /** One attempt, bounded by the timeout and by what is left of the deadline. */
  private async attempt(deadlineAt: number, signal?: AbortSignal): Promise<{ error?: string; cutShort?: boolean }> {
    const timeoutMs = ms(this.timing.timeoutSeconds);
    const budget = Math.min(timeoutMs, Math.round(deadlineAt - this.clock.now()));
    const ended = new AbortController();
    const attemptSignal = signal ? AbortSignal.any([signal, ended.signal]) : ended.signal;
    try {
      const answered = await Promise.race([this.probe.check(attemptSignal).then(() => true), this.clock.sleep(budget, attemptSignal).then(() => false)]);
      return answered ? {} : { error: `no answer within ${budget} ms`, cutShort: budget < timeoutMs };
    } catch (err) {
      if (err instanceof FinalProbeFailure) throw err;
      return { error: err instanceof Error ? err.message : String(err) };
    } finally {
      ended.abort();
    }
  }
}
