import { afterAll, describe, expect, it } from "vitest";
import { berthObjects, sweep, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";

const docker = testDocker();
const program = new PulumiProgram("test/e2e/programs/rename");

afterAll(async () => {
  await program.dispose();
  await sweep(docker, program.project);
});

const CHANGING_OPS = ["create", "delete", "replace", "create-replacement", "delete-replaced"];

describe("renames through the real Pulumi CLI", () => {
  it("keep ownership of every kind: aliases and a new parent, then in-place updates, refresh and destroy act on the same objects", async () => {
    await program.init();
    await program.up();
    const first = await program.outputs();

    await program.setConfig("renamed", "true");
    const renaming = await program.previewJson();
    expect(renaming.steps.filter((s) => CHANGING_OPS.includes(s.op)).filter((s) => !s.urn.includes("berthtest:index:Group"))).toEqual([]);
    await program.up();

    await program.setConfig("restart", "always");
    await program.setConfig("adopt", "true");
    await program.setConfig("timeoutSeconds", "90");
    await program.setConfig("graceSeconds", "2");
    await program.up();
    expect(await program.outputs()).toEqual(first);
    expect((await docker.getContainer(first.webId).inspect()).HostConfig.RestartPolicy?.Name).toBe("always");

    await program.refresh();
    const types = (await program.stateResources()).map((r) => r.type).filter((t) => t.includes("berth:"));
    expect(types.sort()).toEqual([
      "pulumi-nodejs:dynamic/berth:Deployment",
      "pulumi-nodejs:dynamic/berth:Deployment",
      "pulumi-nodejs:dynamic/berth:Job",
      "pulumi-nodejs:dynamic/berth:PersistentContainer",
      "pulumi-nodejs:dynamic/berth:Volume",
    ]);
    expect((await program.previewJson()).steps.filter((s) => s.op !== "same")).toEqual([]);

    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  });
});
