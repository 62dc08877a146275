import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { berthObjects, sweep, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";

// A Job's logs after `pulumi up` completed, through a re-run and a destroy, with the compiled `berth` command.
const BERTH = path.resolve(__dirname, "../../dist/cli/main.js");
const docker = testDocker();
const program = new PulumiProgram("test/e2e/programs/job-logs");

const berth = (args: string) => program.shell(`node ${BERTH} ${args} --project ${program.project}`);

async function migrateContainers(): Promise<string[]> {
  const listed = await docker.listContainers({ all: true, filters: { label: [`dev.berth.project=${program.project}`, "dev.berth.resource=migrate"] } });
  return listed.map((c) => c.Names[0].slice(1));
}

async function stateContainerName(): Promise<string> {
  const job = (await program.stateResources()).find((r) => r.type === "pulumi-nodejs:dynamic/berth:Job")!;
  return job.outputs!.containerName;
}

beforeAll(async () => {
  await program.init({ release: "1" });
  await program.up();
}, 300_000);

afterAll(async () => {
  await program.dispose();
  await sweep(docker, program.project);
}, 300_000);

describe("a Job's logs after `pulumi up`", () => {
  it("are shown by `berth logs`, replaced by the next run's on a re-run, referenced for gc, and gone with destroy", async () => {
    // Docker reads a container's stdout and stderr pipes separately, so the order between them is not kept; each stream is.
    expect(await berth("logs migrate 2>/dev/null")).toBe("migrate | migrating to 1\n");
    expect(await berth("logs migrate 2>&1 >/dev/null")).toBe("migrate | schema ok\n");
    const first = await stateContainerName();
    expect(await migrateContainers()).toEqual([first]);

    await program.setConfig("release", "2");
    await program.up();
    const second = await stateContainerName();
    expect(second).not.toBe(first);
    // The replacement deleted the first run after creating the second, and spared the second's container.
    expect(await migrateContainers()).toEqual([second]);
    expect(await berth("logs migrate 2>/dev/null")).toBe("migrate | migrating to 2\n");
    expect(await berth("gc --dry-run")).toContain("No orphans: stack state references all 2 berth objects found.");

    // The kept container mounts the volume; the Job goes first, so the volume can go too.
    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  }, 300_000);
});
