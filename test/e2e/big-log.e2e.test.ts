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
  it("leaves a state file whose size does not grow with the output, and a log tail without raw control bytes; a job with a secret env value has a secret logTail", async () => {
    await program.init({}, { token: "tok-0451-secret" });
    await program.up();
    const stateBytes = fs.statSync(program.stateFile()).size;
    expect(stateBytes).toBeLessThan(64 * 1024);

    const { logTail } = await program.outputs();
    expect(Buffer.byteLength(logTail)).toBeLessThanOrEqual(LOG_TAIL_MAX_BYTES + 32);
    expect(logTail).toMatch(/bell\\x07 esc\\x1b\[2J nul\\x00 end$/);
    expect(logTail).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);

    const jobs = (await program.stateResources()).filter((r) => r.type === "pulumi-nodejs:dynamic/berth:Job");
    const logTailOf = (name: string) => jobs.find((r) => r.urn.endsWith(`::${name}`))!.outputs!.logTail;
    expect(typeof logTailOf("loud")).toBe("string");
    expect(logTailOf("quiet")).toMatchObject({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" });
    expect((await program.outputs()).quietLogTail).toBe("using [secret]");
    expect(fs.readFileSync(program.stateFile(), "utf8")).not.toContain("tok-0451-secret");

    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  });
});
