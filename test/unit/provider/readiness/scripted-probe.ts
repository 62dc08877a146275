import type { Clock } from "../../../../provider/readiness";
import type { ReadinessProbe } from "../../../../provider/readiness/readiness-probe";

/** What one attempt of a scripted probe does; the last step repeats. */
export type Step = "pass" | "fail" | "hang";

/** A probe that plays a script, recording when each attempt started and how many were cut short. */
export class ScriptedProbe implements ReadinessProbe {
  readonly starts: number[] = [];
  aborted = 0;
  closed = 0;

  constructor(
    private readonly clock: Clock,
    private readonly steps: Step[],
    private readonly name = "scripted",
  ) {}

  describe(): string {
    return this.name;
  }

  async check(signal: AbortSignal): Promise<void> {
    this.starts.push(this.clock.now());
    const step = this.steps[Math.min(this.starts.length, this.steps.length) - 1];
    if (step === "fail") throw new Error(`${this.name} failure ${this.starts.length}`);
    if (step === "hang") {
      await new Promise((_, reject) =>
        signal.addEventListener("abort", () => {
          this.aborted++;
          reject(new Error("aborted"));
        }),
      );
    }
  }

  close(): void {
    this.closed++;
  }
}
