import { afterAll, describe, expect, it } from "vitest";
import { containerLogTail, waitUntilReady } from "../../../../provider/readiness";
import { PRINT_WALL_CLOCK, printedWallClockMs } from "../../../support/container-clock";
import { gateFixture, readiness } from "./gate-fixture";

const fixture = gateFixture("it-readiness-lag");
afterAll(() => fixture.cleanup());

// The container prints the wall clock just before httpd starts listening, so the lag measured from it is an upper bound.
const OPEN_AFTER_DELAY = `sleep 1; ${PRINT_WALL_CLOCK}; exec httpd -f -p 80 -h /www`;

async function openedAtMs(docker: Parameters<typeof containerLogTail>[0], id: string): Promise<number> {
  return printedWallClockMs(await containerLogTail(docker, id, { lines: 10, redact: (text) => text, settled: true }));
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
