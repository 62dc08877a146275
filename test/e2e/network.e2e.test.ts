import { afterAll, describe, expect, it } from "vitest";
import { berthNetworks, berthObjects, sweep, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";

const docker = testDocker();
const program = new PulumiProgram("test/e2e/programs/network");

afterAll(async () => {
  await program.dispose();
  await sweep(docker, program.project);
}, 300_000);

describe("Network through the real Pulumi CLI", () => {
  it("puts the container on the first network given; reordering the others is no change, a new first one replaces; drift, refresh and destroy leave nothing", async () => {
    await program.init({ order: "c,a,b" });
    expect(await program.up()).toContain("pulumi-nodejs:dynamic/berth:Network");
    const { networkNames, spareName, containerId } = await program.outputs();
    const info = await docker.getContainer(containerId).inspect();
    expect(info.HostConfig.NetworkMode).toBe(networkNames.c);
    expect(Object.keys(info.NetworkSettings.Networks).sort()).toEqual([networkNames.a, networkNames.b, networkNames.c].sort());
    expect((await docker.getNetwork(spareName).inspect()).Internal).toBe(true);

    await program.setConfig("order", "c,b,a");
    expect((await program.previewJson()).steps.filter((s) => s.op !== "same")).toEqual([]);

    await program.setConfig("order", "a,c,b");
    const app = (await program.previewJson()).steps.find((s) => s.urn.endsWith("::app"))!;
    expect(app.op).toBe("replace");
    expect(app.replaceReasons).toEqual(["networks"]);

    await docker.getNetwork(spareName).remove();
    await program.refresh();
    expect((await program.stateResources()).some((r) => r.urn.endsWith("::spare"))).toBe(false);

    await program.up();
    const { containerId: replaced } = await program.outputs();
    expect((await docker.getContainer(replaced).inspect()).HostConfig.NetworkMode).toBe(networkNames.a);
    expect((await docker.getNetwork(spareName).inspect()).Name).toBe(spareName);

    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
    expect(await berthNetworks(docker, program.project)).toEqual([]);
  }, 600_000);
});
