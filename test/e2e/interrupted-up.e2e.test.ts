import { spawn } from "child_process";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { berthObjects, sweep, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";

const docker = testDocker();
const ROOT = path.resolve(__dirname, "../..");
const programs: PulumiProgram[] = [];

afterAll(async () => {
  for (const program of programs) {
    await program.dispose();
    await sweep(docker, program.project);
  }
});

async function containersOf(program: PulumiProgram): Promise<string[]> {
  return (await docker.listContainers({ all: true, filters: { label: [`dev.berth.project=${program.project}`] } })).map((c) => c.Id);
}

/** Starts `pulumi up` and sends `signal` to it once its container exists, i.e. while it waits in the readiness gate. */
async function interruptedUp(program: PulumiProgram, signal: NodeJS.Signals): Promise<string[]> {
  const up = spawn("bash", ["-c", 'source "$0/scripts/env.sh" && exec pulumi up --yes --skip-preview --non-interactive', ROOT], {
    cwd: program.dir,
    detached: true,
    env: { ...process.env, PULUMI_BACKEND_URL: `file://${program.dir}/.state`, PULUMI_CONFIG_PASSPHRASE: "e2e", PULUMI_HOME: path.join(program.dir, ".state", "home") },
    stdio: "ignore",
  });
  let started: string[] = [];
  for (let i = 0; i < 200 && started.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    started = await containersOf(program);
  }
  process.kill(signal === "SIGKILL" ? -up.pid! : up.pid!, signal);
  await new Promise((r) => up.on("close", r));
  return started;
}

describe("an interrupted `pulumi up`", () => {
  it("interrupted with SIGINT during the readiness gate, then run again: one container, no duplicate; destroy leaves nothing", async () => {
    const program = new PulumiProgram("test/e2e/programs/interrupt");
    programs.push(program);
    await program.init();
    const started = await interruptedUp(program, "SIGINT");
    expect(started).toHaveLength(1);
    await program.up();
    const { containerId } = await program.outputs();
    expect(await containersOf(program)).toEqual([containerId]);
    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  });

  it("killed during the readiness gate, then run again: berth adopts its own container instead of starting a second; destroy leaves nothing", async () => {
    const program = new PulumiProgram("test/e2e/programs/interrupt");
    programs.push(program);
    await program.init();
    const orphan = await interruptedUp(program, "SIGKILL");
    expect(orphan).toHaveLength(1);
    expect((await program.stateResources()).some((r) => r.type.endsWith("berth:Deployment"))).toBe(false);

    // What Pulumi asks of a user after a killed `up`: release its lock, forget the pending create.
    await program.ok(["cancel", "--yes"]);
    await program.ok(["refresh", "--yes", "--skip-preview", "--non-interactive", "--clear-pending-creates"]);
    await program.up();
    const { containerId } = await program.outputs();
    expect(await containersOf(program)).toEqual([containerId]);
    expect(containerId).toBe(orphan[0]);

    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  });
});
