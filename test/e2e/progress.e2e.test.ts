import { afterAll, describe, expect, it } from "vitest";
import { berthObjects, sweep, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";

const docker = testDocker();
const program = new PulumiProgram("test/e2e/programs/interrupt");

afterAll(async () => {
  await program.dispose();
  await sweep(docker, program.project);
});

describe("what `pulumi up` shows while berth waits", () => {
  it("tells a person at a terminal what the readiness gate awaits, how often it tried and the last answer", async () => {
    await program.init();
    const screen = await program.upInTerminal();
    expect(screen).toMatch(/Deployment "slow": waiting for http:\/\/127\.0\.0\.1:\d+\/ \(attempt \d+, last: [^)\x1b]+\)/);
    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  });

  it("prints the same messages as lines with --non-interactive, as CI logs show them", async () => {
    const output = await program.up();
    expect(output).toMatch(/Deployment "slow": waiting for http:\/\/127\.0\.0\.1:\d+\/ \(attempt \d+, last: [^)]+\)/);
    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  });
});
