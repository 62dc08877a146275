/**
 * Nanoseconds since the epoch of a Docker RFC 3339 time such as
 * `2024-05-01T12:00:00.123456789Z`, comparable with an event's `timeNano`
 * (as a double: to within a microsecond).
 */
export function dockerTimeNanos(rfc3339: string): number {
  const { epochMs, nanos } = parseDockerTime(rfc3339);
  return epochMs * 1e6 + nanos;
}

function parseDockerTime(rfc3339: string): { epochMs: number; nanos: number } {
  const match = /^(.*?)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(rfc3339);
  const epochMs = match ? Date.parse(match[1] + match[3]) : NaN;
  if (!match || Number.isNaN(epochMs)) throw new Error(`${JSON.stringify(rfc3339)} is not an RFC 3339 time`);
  return { epochMs, nanos: Number((match[2] ?? "").padEnd(9, "0").slice(0, 9)) };
}

/**
 * The `since` of a log read that gets only the lines of the container's
 * current run: one nanosecond after its previous run ended (Docker keeps that
 * run's `FinishedAt` until the next stop), exact, as Docker's
 * `seconds.nanoseconds`; `undefined` when it never ran before, so every line
 * is this run's. Not the `StartedAt` of this run: Docker stamps a quick
 * process's first lines before it records the start.
 */
export function currentRunLogSince(finishedAt: string | undefined): string | undefined {
  if (!finishedAt || finishedAt.startsWith("0001-")) return undefined;
  const { epochMs, nanos } = parseDockerTime(finishedAt);
  // Whole seconds and nanoseconds apart: their sum is beyond a double's exact integers.
  const carry = nanos + 1 === 1e9 ? 1 : 0;
  return `${epochMs / 1000 + carry}.${String((nanos + 1) % 1e9).padStart(9, "0")}`;
}
