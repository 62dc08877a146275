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

  it("never passes against a paused container, although its published port still accepts connections", async () => {
    const { target } = await fixture.start("paused", { Cmd: ["httpd", "-f", "-p", "80", "-h", "/www"] });
    await target.docker.getContainer(target.containerId).pause();
    const { ms, error } = await timed(waitUntilReady(readiness({ tcpSocket: { port: 80 }, periodSeconds: 0.05, deadlineSeconds: 10 }), target));
    expect(ms).toBeLessThan(2_000);
    expect(error?.message).toContain("the container was paused (`docker pause`) before its readiness could be probed");
  });

  it("fails when the container is paused while the gate waits", async () => {
    const { target } = await fixture.start("paused-later", { Cmd: ["sh", "-c", "sleep 1; exec httpd -f -p 80 -h /www"] });
    setTimeout(() => void target.docker.getContainer(target.containerId).pause(), 300);
    const { ms, error } = await timed(waitUntilReady(readiness({ httpGet: { port: 80 }, periodSeconds: 0.05, deadlineSeconds: 10 }), target));
    expect(ms).toBeLessThan(3_000);
    expect(error?.message).toMatch(/the container was paused \(`docker pause`\) after \d+ ms, while waiting for/);
  });
});
