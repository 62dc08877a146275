import { afterAll, describe, expect, it } from "vitest";
import { containerLogTail, waitUntilReady } from "../../../../provider/readiness";
import { gateFixture, readiness } from "./gate-fixture";

const fixture = gateFixture("it-readiness-lag");
afterAll(() => fixture.cleanup());

// busybox `adjtimex` prints the kernel's wall clock, which containers share with the host.
// It runs just before httpd starts listening, so the lag measured from it is an upper bound.
const OPEN_AFTER_DELAY = "sleep 1; adjtimex | grep -E 'status|tv_(sec|usec)'; exec httpd -f -p 80 -h /www";
// With this status bit set (by a time daemon), the kernel gives `tv_usec` in nanoseconds.
const STA_NANO = 0x2000;

async function openedAtMs(docker: Parameters<typeof containerLogTail>[0], id: string): Promise<number> {
  const log = await containerLogTail(docker, id, { lines: 10, redact: (text) => text, settled: true });
  const sec = Number(/time\.tv_sec:\s+(\d+)/.exec(log)?.[1]);
  const fraction = Number(/time\.tv_usec:\s+(\d+)/.exec(log)?.[1]);
  const status = Number(/status:\s+(\d+)/.exec(log)?.[1]);
  return sec * 1000 + fraction / (status & STA_NANO ? 1e6 : 1e3);
}

describe("readiness detection lag", () => {
  it.each([1, 2, 3])("returns within 150 ms of the port opening with periodSeconds 0.02 (run %i)", async (run) => {
    const { id, target } = await fixture.start(`lag-${run}`, { Cmd: ["sh", "-c", OPEN_AFTER_DELAY] });
    await waitUntilReady(readiness({ httpGet: { port: 80 }, periodSeconds: 0.02, deadlineSeconds: 20 }), target);
    const readyAt = Date.now();
    const lagMs = readyAt - (await openedAtMs(target.docker, id));
    console.log(`readiness detection lag: ${lagMs.toFixed(1)} ms`);
    expect(lagMs).toBeGreaterThan(0);
    expect(lagMs).toBeLessThan(150);
  });
});
