import { describe, expect, it } from "vitest";
import { throttledProgress } from "../../../../provider/readiness/throttled-progress";
import { FakeClock } from "./fake-clock";

describe("throttledProgress", () => {
  it("passes the first message at once and then at most one per interval", async () => {
    const clock = new FakeClock();
    const delivered: string[] = [];
    const report = throttledProgress((m) => delivered.push(`${clock.now()} ${m}`), 500, clock);
    for (const at of [0, 100, 499, 500, 999, 1000, 1600, 1700]) {
      await clock.sleep(at - clock.now());
      report(`attempt at ${at}`);
    }
    expect(delivered).toEqual(["0 attempt at 0", "500 attempt at 500", "1000 attempt at 1000", "1600 attempt at 1600"]);
  });
});
