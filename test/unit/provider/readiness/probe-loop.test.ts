import { describe, expect, it } from "vitest";
import { WaitTimeoutError } from "../../../../provider/readiness";
import { CompositeProbe } from "../../../../provider/readiness/composite-probe";
import { ProbeLoop, type AttemptReport, type ProbeTiming } from "../../../../provider/readiness/probe-loop";
import { FakeClock } from "./fake-clock";
import { ScriptedProbe, type Step } from "./scripted-probe";

const timing: ProbeTiming = { initialDelaySeconds: 0, periodSeconds: 0.1, timeoutSeconds: 1, successThreshold: 1, deadlineSeconds: 120 };

function loopOf(steps: Step[], overrides: Partial<ProbeTiming> = {}) {
  const clock = new FakeClock();
  const probe = new ScriptedProbe(clock, steps);
  const reports: AttemptReport[] = [];
  const loop = new ProbeLoop(probe, { ...timing, ...overrides }, clock, (r) => reports.push(r));
  return { clock, probe, loop, reports };
}

describe("ProbeLoop", () => {
  it.each<{ name: string; steps: Step[]; overrides: Partial<ProbeTiming>; verdict: "ready" | "gave-up"; starts: number[] }>([
    { name: "ready at the first pass, one period apart", steps: ["fail", "fail", "pass"], overrides: {}, verdict: "ready", starts: [0, 100, 200] },
    { name: "ready after successThreshold passes in a row", steps: ["pass", "fail", "pass", "pass", "pass"], overrides: { successThreshold: 3 }, verdict: "ready", starts: [0, 100, 200, 300, 400] },
    { name: "gives up after failureThreshold failures in a row", steps: ["fail", "pass", "fail", "fail", "fail", "pass"], overrides: { failureThreshold: 3, successThreshold: 2 }, verdict: "gave-up", starts: [0, 100, 200, 300, 400] },
    { name: "waits the initial delay, fractional periods allowed", steps: ["fail", "pass"], overrides: { initialDelaySeconds: 2, periodSeconds: 0.02 }, verdict: "ready", starts: [2000, 2020] },
  ])("$name", async ({ steps, overrides, verdict, starts }) => {
    const { loop, probe } = loopOf(steps, overrides);
    await expect(loop.run()).resolves.toBe(verdict);
    expect(probe.starts).toEqual(starts);
    expect(loop.attempts).toBe(starts.length);
  });

  it("reports every attempt with its error, and keeps the last error", async () => {
    const { loop, reports } = loopOf(["fail", "fail", "pass"]);
    await loop.run();
    expect(reports).toEqual([
      { attempt: 1, error: "scripted failure 1" },
      { attempt: 2, error: "scripted failure 2" },
      { attempt: 3, error: undefined },
    ]);
    expect(loop.lastError).toBe("scripted failure 2");
  });

  it("times out at the deadline with the last error kept", async () => {
    const { loop, probe, clock } = loopOf(["fail"], { deadlineSeconds: 1 });
    const run = loop.run();
    await expect(run).rejects.toBeInstanceOf(WaitTimeoutError);
    await expect(run).rejects.toThrow("timed out after 1000 ms waiting for scripted");
    expect(probe.starts).toHaveLength(10);
    expect(loop.lastError).toBe("scripted failure 10");
    expect(clock.now()).toBeLessThanOrEqual(1000);
  });

  it("fails an attempt that does not answer within timeoutSeconds, and cuts it short", async () => {
    const { loop, probe, reports } = loopOf(["hang", "hang", "pass"], { timeoutSeconds: 0.05, periodSeconds: 0.02 });
    await expect(loop.run()).resolves.toBe("ready");
    expect(reports.map((r) => r.error)).toEqual(["no answer within 50 ms", "no answer within 50 ms", undefined]);
    expect(probe.starts).toEqual([0, 50, 100]);
    expect(probe.aborted).toBe(2);
  });

  it("never lets an attempt run past the deadline", async () => {
    const { loop, clock, reports } = loopOf(["hang"], { timeoutSeconds: 5, deadlineSeconds: 0.3 });
    await expect(loop.run()).rejects.toThrow("timed out after 300 ms");
    expect(reports).toEqual([{ attempt: 1, error: "no answer within 300 ms" }]);
    expect(clock.now()).toBe(300);
  });

  it("keeps the probe's own error when the deadline cuts the last attempt short", async () => {
    const { loop, reports } = loopOf(["fail", "hang"], { timeoutSeconds: 5, periodSeconds: 0.2, deadlineSeconds: 0.5 });
    await expect(loop.run()).rejects.toThrow("timed out after 500 ms");
    expect(reports.map((r) => r.error)).toEqual(["scripted failure 1", "no answer within 300 ms"]);
    expect(loop.lastError).toBe("scripted failure 1");
  });

  it("stops at once, cutting the attempt short, when the signal aborts", async () => {
    const { loop, probe, clock } = loopOf(["hang"], { timeoutSeconds: 30 });
    const controller = new AbortController();
    const run = loop.run(controller.signal);
    // The first attempt starts synchronously; abort it before virtual time can move.
    controller.abort(new Error("container exited"));
    await expect(run).rejects.toThrow("container exited");
    expect(probe.starts).toEqual([0]);
    expect(probe.aborted).toBe(1);
    expect(clock.now()).toBe(0);
  });

  describe("with several probe kinds", () => {
    function composite(a: Step[], b: Step[], overrides: Partial<ProbeTiming> = {}) {
      const clock = new FakeClock();
      const parts = [new ScriptedProbe(clock, a, "http"), new ScriptedProbe(clock, b, "exec")];
      return { parts, loop: new ProbeLoop(new CompositeProbe(parts), { ...timing, ...overrides }, clock) };
    }

    it("is ready only when all pass in the same attempt", async () => {
      const { loop } = composite(["pass", "fail", "pass"], ["fail", "pass", "pass"]);
      await expect(loop.run()).resolves.toBe("ready");
      expect(loop.attempts).toBe(3);
    });

    it("is never ready when the kinds take turns passing", async () => {
      const { loop } = composite(["pass", "fail", "pass", "fail", "pass"], ["fail", "pass", "fail", "pass", "fail"], { deadlineSeconds: 0.5 });
      await expect(loop.run()).rejects.toThrow("timed out after 500 ms waiting for http and exec");
      expect(loop.lastError).toBe("exec: exec failure 5");
    });

    it("bounds the attempt by the slowest kind", async () => {
      const { loop, parts } = composite(["pass"], ["hang", "pass"], { timeoutSeconds: 0.05 });
      await expect(loop.run()).resolves.toBe("ready");
      expect(parts[1].aborted).toBe(1);
    });
  });
});
