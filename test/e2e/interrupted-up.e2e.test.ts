import { spawn } from "child_process";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { berthObjects, sweep, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";

const docker = testDocker();
const program = new PulumiProgram("test/e2e/programs/interrupt");
const ROOT = path.resolve(__dirname, "../..");

afterAll(async () => {
  await program.dispose();
  await sweep(docker, program.project);
});

async function containersOfProject(): Promise<string[]> {
  return (await docker.listContainers({ all: true, filters: { label: [`dev.berth.project=${program.project}`] } })).map((c) => c.Id);
}

describe("an interrupted `pulumi up`", () => {
  it("killed during the readiness gate, then run again: berth adopts its own container instead of starting a second; destroy leaves nothing", async () => {
    await program.init();
    const up = spawn("bash", ["-c", 'source "$0/scripts/env.sh" && exec pulumi up --yes --skip-preview --non-interactive', ROOT], {
      cwd: program.dir,
      detached: true,
      env: { ...process.env, PULUMI_BACKEND_URL: `file://${program.dir}/.state`, PULUMI_CONFIG_PASSPHRASE: "e2e", PULUMI_HOME: path.join(program.dir, ".state", "home") },
      stdio: "ignore",
    });
    let orphan: string[] = [];
    for (let i = 0; i < 200 && orphan.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      orphan = await containersOfProject();
    }
    expect(orphan).toHaveLength(1);
    process.kill(-up.pid!, "SIGKILL");
    await new Promise((r) => up.on("close", r));
    expect((await program.stateResources()).some((r) => r.type.endsWith("berth:Deployment"))).toBe(false);

    // What Pulumi asks of a user after a killed `up`: release its lock, forget the pending create.
    await program.ok(["cancel", "--yes"]);
    await program.ok(["refresh", "--yes", "--skip-preview", "--non-interactive", "--clear-pending-creates"]);
    await program.up();
    const { containerId } = await program.outputs();
    expect(await containersOfProject()).toEqual([containerId]);
    expect(containerId).toBe(orphan[0]);

    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  });
});
