import { UsageError } from "./usage-error";

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;

/**
 * `--since` as Docker reads it, to the seconds since the epoch that Docker's
 * logs API takes: a duration before now in Go's syntax (`10m`, `1h30m`,
 * `45s`), an RFC 3339 time (`2024-05-01T12:00:00Z`; without a zone it is
 * local time, a bare date is midnight UTC), or a Unix timestamp in seconds.
 */
export function sinceSeconds(value: string, now: number): number {
  if (DURATION.test(value)) {
    const ms = [...value.matchAll(PART)].reduce((sum, [, amount, unit]) => sum + Number(amount) * UNIT_MS[unit], 0);
    return (now - ms) / 1000;
  }
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const time = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? Date.parse(value.replace(" ", "T")) : NaN;
  if (Number.isNaN(time)) {
    throw new UsageError(`\`--since\` must be a duration before now (\`10m\`, \`1h30m\`), an RFC 3339 time (\`2024-05-01T12:00:00Z\`) or a Unix timestamp; got ${JSON.stringify(value)}`);
  }
  return time / 1000;
}
