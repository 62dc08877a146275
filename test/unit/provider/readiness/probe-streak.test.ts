import { describe, expect, it } from "vitest";
import { ProbeStreak, type StreakVerdict } from "../../../../provider/readiness/probe-streak";

const P = true;
const F = false;

describe("ProbeStreak", () => {
  it.each<{ name: string; success: number; failure?: number; results: boolean[]; verdicts: StreakVerdict[] }>([
    { name: "ready at the first pass by default", success: 1, results: [F, F, P], verdicts: ["waiting", "waiting", "ready"] },
    { name: "needs the passes in a row", success: 3, results: [P, P, F, P, P, P], verdicts: ["waiting", "waiting", "waiting", "waiting", "waiting", "ready"] },
    { name: "never gives up without a failure threshold", success: 1, results: [F, F, F, F, F], verdicts: ["waiting", "waiting", "waiting", "waiting", "waiting"] },
    { name: "gives up after the failures in a row", success: 1, failure: 3, results: [F, F, F], verdicts: ["waiting", "waiting", "gave-up"] },
    { name: "a pass resets the failure count", success: 2, failure: 2, results: [F, P, F, P, F, F], verdicts: ["waiting", "waiting", "waiting", "waiting", "waiting", "gave-up"] },
    { name: "a failure resets the pass count", success: 2, failure: 5, results: [P, F, P, P], verdicts: ["waiting", "waiting", "waiting", "ready"] },
  ])("$name", ({ success, failure, results, verdicts }) => {
    const streak = new ProbeStreak(success, failure);
    expect(results.map((passed) => streak.record(passed))).toEqual(verdicts);
  });
});
