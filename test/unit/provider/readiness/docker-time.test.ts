import { describe, expect, it } from "vitest";
import { currentRunLogSince, dockerTimeNanos } from "../../../../provider/readiness/docker-time";

describe("dockerTimeNanos", () => {
  it.each([
    { time: "2024-05-01T12:00:00.123456789Z", nanos: Date.UTC(2024, 4, 1, 12) * 1e6 + 123456789 },
    { time: "2024-05-01T12:00:00.5Z", nanos: Date.UTC(2024, 4, 1, 12) * 1e6 + 500_000_000 },
    { time: "2024-05-01T12:00:00Z", nanos: Date.UTC(2024, 4, 1, 12) * 1e6 },
    { time: "2024-05-01T14:00:00.000000001+02:00", nanos: Date.UTC(2024, 4, 1, 12) * 1e6 + 1 },
  ])("$time", ({ time, nanos }) => {
    // A double holds these to within a microsecond, which is all that ordering events needs.
    expect(Math.abs(dockerTimeNanos(time) - nanos)).toBeLessThan(1_000);
  });

  it("orders a die event just after the start it follows", () => {
    expect(dockerTimeNanos("2024-05-01T12:00:00.100000000Z")).toBeGreaterThan(dockerTimeNanos("2024-05-01T12:00:00.099000000Z"));
  });

  it.each(["", "yesterday", "0001-01-01T00:00:00"])("rejects %j", (time) => {
    expect(() => dockerTimeNanos(time)).toThrow(`${JSON.stringify(time)} is not an RFC 3339 time`);
  });
});

describe("currentRunLogSince", () => {
  it.each([
    { finishedAt: "2024-05-01T12:00:00.123456789Z", since: `${Date.UTC(2024, 4, 1, 12) / 1000}.123456790` },
    { finishedAt: "2024-05-01T12:00:00.999999999Z", since: `${Date.UTC(2024, 4, 1, 12) / 1000 + 1}.000000000` },
    { finishedAt: "2024-05-01T14:00:00Z", since: `${Date.UTC(2024, 4, 1, 14) / 1000}.000000001` },
    { finishedAt: "0001-01-01T00:00:00Z", since: undefined },
    { finishedAt: undefined, since: undefined },
  ])("just after a previous run that ended at $finishedAt", ({ finishedAt, since }) => {
    expect(currentRunLogSince(finishedAt)).toBe(since);
  });
});
