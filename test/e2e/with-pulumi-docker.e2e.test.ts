import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { berthObjects, sweep, testDocker } from "../support/docker";
import { packedBerth } from "../support/packed-berth";
import { PULUMI_DOCKER_VERSION, pulumiDockerPlugin } from "../support/pulumi-docker-plugin";
import { PulumiProgram } from "../support/pulumi-program";

const docker = testDocker();
const program = new PulumiProgram("examples/with-pulumi-docker", { outsideRepository: true });
/** No registry is reachable here: the stack's `image` config names a local web server instead of nginx. */
const LOCAL_WEB_SERVER = "berth.local/web:latest";
let networkName: string | undefined;

beforeAll(async () => {
  // The plugin is a stand-in build of @pulumi/docker's upstream through the same
  // bridge (the official binary cannot be obtained here). A cold build takes about
  // 8 minutes on 2 idle cores and took 24 beside other test runs; then it is cached.
  const plugin = await pulumiDockerPlugin();
  await program.install(
    { "@pulumi/pulumi": "3.248.0", "@pulumi/docker": PULUMI_DOCKER_VERSION },
    { typescript: "~5.9.3", "@types/node": "^20.19.0" },
  );
  await program.npm(["install", `pulumi-berth@file:${await packedBerth()}`]);
  await program.init({ image: LOCAL_WEB_SERVER });
  await program.ok(["plugin", "install", "resource", "docker", PULUMI_DOCKER_VERSION, "--file", plugin]);
}, 40 * 60_000);

afterAll(async () => {
  await program.dispose();
  await sweep(docker, program.project);
  if (networkName) await docker.getNetwork(networkName).remove().catch(() => undefined);
});

async function containerOf(name: string) {
  return docker.getContainer(name).inspect();
}

describe("berth beside @pulumi/docker in one stack", () => {
  it("runs on @pulumi/docker's network and image: up, a quiet preview, one berth replacement for an env change, destroy", async () => {
    await program.up();
    const outputs = await program.outputs();
    networkName = outputs.networkName;

    // The API publishes no port: the front's gate (passed only once it reached
    // the API by name) and the job's page came across @pulumi/docker's network.
    expect((await fetch(outputs.frontUrl)).status).toBe(200);
    const api = await containerOf(outputs.apiContainer);
    expect(Object.keys(api.NetworkSettings.Networks)).toEqual([networkName]);
    expect(api.HostConfig.PortBindings ?? {}).toEqual({});
    expect(outputs.smokeOutput).toContain("<h1>berth</h1>");

    await program.ok(["preview", "--expect-no-changes", "--non-interactive"]);

    await program.setConfig("greeting", "bonjour");
    const steps = (await program.previewJson()).steps.filter((s) => s.op !== "same");
    expect(steps.map((s) => [s.op, s.urn.split("::").pop(), s.replaceReasons])).toEqual([["replace", "front", ["env"]]]);
    await program.up();
    const front = await containerOf((await program.stateResources()).find((r) => r.urn.endsWith("::front"))!.outputs!.containerName);
    expect(front.Config.Env).toContain("GREETING=bonjour");
    expect(Object.keys(front.NetworkSettings.Networks)).toEqual([networkName]);

    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
    await expect(docker.getNetwork(networkName!).inspect()).rejects.toThrow(/no such network|not found/i);
    // keepLocally: the image other stacks use stays on the host.
    await expect(docker.getImage(LOCAL_WEB_SERVER).inspect()).resolves.toBeDefined();
  }, 600_000);
});
