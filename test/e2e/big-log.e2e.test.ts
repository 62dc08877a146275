import * as fs from "fs";
import { afterAll, describe, expect, it } from "vitest";
import { LOG_TAIL_MAX_BYTES } from "../../provider/docker/log-tail";
import { berthObjects, sweep, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";

const docker = testDocker();
const program = new PulumiProgram("test/e2e/programs/big-log");

afterAll(async () => {
  await program.dispose();
  await sweep(docker, program.project);
});

describe("a job that prints 50 MB", () => {
  it("leaves a state file whose size does not grow with the output, and a log tail without raw control bytes", async () => {
    await program.init();
    await program.up();
    const stateBytes = fs.statSync(program.stateFile()).size;
    expect(stateBytes).toBeLessThan(64 * 1024);

    const { logTail } = await program.outputs();
    expect(Buffer.byteLength(logTail)).toBeLessThanOrEqual(LOG_TAIL_MAX_BYTES + 32);
    expect(logTail).toMatch(/bell\\x07 esc\\x1b\[2J nul\\x00 end$/);
    expect(logTail).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);

    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  });
});
