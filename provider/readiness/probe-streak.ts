export type StreakVerdict = "ready" | "waiting" | "gave-up";

/**
 * Kubernetes' thresholds over consecutive attempts: ready after
 * `successThreshold` passes in a row; gives up after `failureThreshold`
 * failures in a row, when one is set.
 */
export class ProbeStreak {
  private passes = 0;
  private failures = 0;

  constructor(
    private readonly successThreshold: number,
    private readonly failureThreshold?: number,
  ) {}

  record(passed: boolean): StreakVerdict {
    this.passes = passed ? this.passes + 1 : 0;
    this.failures = passed ? 0 : this.failures + 1;
    if (this.passes >= this.successThreshold) return "ready";
    if (this.failureThreshold !== undefined && this.failures >= this.failureThreshold) return "gave-up";
    return "waiting";
  }
}
