import { afterAll, describe, expect, it } from "vitest";
import { waitUntilReady } from "../../../../provider/readiness";
import { gateFixture, readiness, timed } from "./gate-fixture";

const fixture = gateFixture("it-readiness-this-start");
afterAll(() => fixture.cleanup());

describe("a gate judges only this start", () => {
  it("logLine does not count lines an earlier run wrote", async () => {
    // The first run prints READY; every later one prints something else and keeps running.
    const { target } = await fixture.start("second-run", {
      Cmd: ["sh", "-c", "if [ -e /tmp/ran ]; then echo 'config missing'; else touch /tmp/ran; echo READY; fi; exec sleep 600"],
    });
    const container = target.docker.getContainer(target.containerId);
    const once = readiness({ logLine: { pattern: "^READY$" }, periodSeconds: 0.05, deadlineSeconds: 2 });
    expect((await timed(waitUntilReady(once, target))).error).toBeUndefined();

    await container.stop({ t: 0 });
    await container.start();
    const { error } = await timed(waitUntilReady(once, target));
    expect(error?.message).toContain("last error: matched 0 of 1 times so far");
    expect(error?.message).toMatch(/Last 20 lines of the container log:\nREADY\nconfig missing$/);
  });

  it("logLine counts the first lines of a quick process, which Docker stamps before its start time", async () => {
    const { target } = await fixture.start("quick", { Cmd: ["sh", "-c", "echo READY; exec sleep 600"] });
    const container = target.docker.getContainer(target.containerId);
    await container.stop({ t: 0 });
    await container.start();
    const { error } = await timed(waitUntilReady(readiness({ logLine: { pattern: "^READY$", times: 1 }, periodSeconds: 0.05, deadlineSeconds: 5 }), target));
    expect(error).toBeUndefined();
  });
});
