import type Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { DockerHealthcheckProbe } from "../../../../provider/readiness/docker-healthcheck-probe";
import { FinalProbeFailure } from "../../../../provider/readiness/readiness-probe";

const STARTED = "2026-11-30T12:00:10.000000000Z";
const check = (start: string, exitCode: number, output: string) => ({ Start: start, End: start, ExitCode: exitCode, Output: output });

function probe(health: unknown, unhealthyIsFinal = false): DockerHealthcheckProbe {
  const docker = { getContainer: () => ({ inspect: async () => ({ State: { Health: health } }) }) } as unknown as Docker;
  return new DockerHealthcheckProbe(docker, "abc", STARTED, unhealthyIsFinal);
}

describe("DockerHealthcheckProbe", () => {
  it("passes on healthy after a check of this run", async () => {
    await expect(probe({ Status: "healthy", Log: [check("2026-11-30T12:00:11Z", 0, "ok")] }).check()).resolves.toBeUndefined();
  });

  it("does not count a healthy status left from an earlier run", async () => {
    const earlier = { Status: "healthy", Log: [check("2026-11-30T12:00:09.5Z", 0, "ok")] };
    await expect(probe(earlier).check()).rejects.toThrow('health status is "healthy" (no check since this start yet)');
  });

  it("quotes the last check of this run only", async () => {
    const health = { Status: "starting", Log: [check("2026-11-30T12:00:09Z", 0, "old ok"), check("2026-11-30T12:00:10.5Z", 1, "refused\n")] };
    await expect(probe(health).check()).rejects.toThrow('health status is "starting" (last check: exit code 1, "refused")');
  });

  it.each([
    ["unhealthy after a check of this run, when asked to take it as final", { Status: "unhealthy", Log: [check("2026-11-30T12:00:11Z", 1, "down")] }, true, true],
    ["unhealthy, when not asked to", { Status: "unhealthy", Log: [check("2026-11-30T12:00:11Z", 1, "down")] }, false, false],
    ["unhealthy left from an earlier run", { Status: "unhealthy", Log: [check("2026-11-30T12:00:09Z", 1, "down")] }, true, false],
    ["starting", { Status: "starting", Log: [check("2026-11-30T12:00:11Z", 1, "down")] }, true, false],
  ])("fails for good only on %s", async (_what, health, unhealthyIsFinal, final) => {
    const error = await probe(health, unhealthyIsFinal).check().catch((err: Error) => err);
    expect(error).toBeInstanceOf(Error);
    expect(error instanceof FinalProbeFailure).toBe(final);
  });
});
