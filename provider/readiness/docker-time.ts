/**
 * Nanoseconds since the epoch of a Docker RFC 3339 time such as
 * `2024-05-01T12:00:00.123456789Z`, comparable with an event's `timeNano`
 * (as a double: to within a microsecond).
 */
export function dockerTimeNanos(rfc3339: string): number {
  const match = /^(.*?)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(rfc3339);
  const wholeSeconds = match ? Date.parse(match[1] + match[3]) : NaN;
  if (!match || Number.isNaN(wholeSeconds)) throw new Error(`${JSON.stringify(rfc3339)} is not an RFC 3339 time`);
  return wholeSeconds * 1e6 + Number((match[2] ?? "").padEnd(9, "0").slice(0, 9));
}
