import { afterAll, describe, expect, it } from "vitest";
import { berthObjects, sweep, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";

const docker = testDocker();
const program = new PulumiProgram("test/e2e/programs/volume");

afterAll(async () => {
  await program.dispose();
  await sweep(docker, program.project);
});

describe("Volume through the real Pulumi CLI", () => {
  it("goes through up, a quiet preview, drift, refresh, up and destroy, leaving nothing", async () => {
    await program.init();
    const upOutput = await program.up();
    expect(upOutput).toContain("pulumi-nodejs:dynamic/berth:Volume");
    const { volumeName } = await program.outputs();
    expect((await docker.getVolume(volumeName).inspect()).Labels).toMatchObject({ "dev.berth.project": program.project, purpose: "e2e" });

    const preview = await program.previewJson();
    expect(preview.steps.filter((s) => s.op !== "same")).toEqual([]);

    await docker.getVolume(volumeName).remove();
    await program.refresh();
    expect((await program.stateResources()).some((r) => r.type === "pulumi-nodejs:dynamic/berth:Volume")).toBe(false);

    await program.up();
    expect((await docker.getVolume(volumeName).inspect()).Name).toBe(volumeName);

    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  });
});
