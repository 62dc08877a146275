import { FinalProbeFailure, type ReadinessProbe } from "./readiness-probe";

/** Several probes that must all pass in the same attempt; they run side by side. */
export class CompositeProbe implements ReadinessProbe {
  constructor(private readonly probes: readonly ReadinessProbe[]) {}

  describe(): string {
    return this.probes.map((p) => p.describe()).join(" and ");
  }

  async check(signal: AbortSignal): Promise<void> {
    await Promise.all(
      this.probes.map((p) =>
        p.check(signal).catch((err) => {
          const message = `${p.describe()}: ${(err as Error).message}`;
          throw err instanceof FinalProbeFailure ? new FinalProbeFailure(message) : new Error(message);
        }),
      ),
    );
  }

  close(): void {
    for (const p of this.probes) p.close?.();
  }
}
