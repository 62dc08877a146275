import { describe, expect, it } from "vitest";
import { CompositeProbe } from "../../../../provider/readiness/composite-probe";
import type { ReadinessProbe } from "../../../../provider/readiness/readiness-probe";
import { FakeClock } from "./fake-clock";
import { ScriptedProbe } from "./scripted-probe";

const signal = new AbortController().signal;

describe("CompositeProbe", () => {
  it("describes all its kinds", () => {
    const clock = new FakeClock();
    expect(new CompositeProbe([new ScriptedProbe(clock, ["pass"], "http://h:1/"), new ScriptedProbe(clock, ["pass"], "tcp://h:2")]).describe()).toBe("http://h:1/ and tcp://h:2");
  });

  it.each([
    { outcomes: ["pass", "pass", "pass"] as const, error: undefined },
    { outcomes: ["pass", "fail", "pass"] as const, error: "p1: p1 failure 1" },
    { outcomes: ["fail", "pass", "pass"] as const, error: "p0: p0 failure 1" },
  ])("passes only when every part passes: $outcomes", async ({ outcomes, error }) => {
    const clock = new FakeClock();
    const probe = new CompositeProbe(outcomes.map((o, i) => new ScriptedProbe(clock, [o], `p${i}`)));
    if (error) await expect(probe.check(signal)).rejects.toThrow(error);
    else await expect(probe.check(signal)).resolves.toBeUndefined();
  });

  it("closes every part that holds something open", () => {
    const clock = new FakeClock();
    const parts = [new ScriptedProbe(clock, ["pass"]), new ScriptedProbe(clock, ["pass"])];
    const withoutClose: ReadinessProbe = { describe: () => "x", check: async () => undefined };
    new CompositeProbe([parts[0], withoutClose, parts[1]]).close();
    expect(parts.map((p) => p.closed)).toEqual([1, 1]);
  });
});
