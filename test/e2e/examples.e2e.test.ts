import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterEach, describe, expect, it } from "vitest";
import { berthNetworks, berthObjects, defaultHostUrl, extraHostUrls, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";

let program: PulumiProgram | undefined;
const MEMLOCK_BYTES = 8 * 1024 * 1024;

afterEach(async () => {
  await program?.dispose();
  program = undefined;
});

async function body(url: string): Promise<string> {
  return (await fetch(url, { signal: AbortSignal.timeout(2000) })).text();
}

async function nothingLeft(project: string, hosts: string[]): Promise<void> {
  for (const url of hosts) expect(await berthObjects(testDocker(url), project)).toEqual({ containers: [], volumes: [] });
}

describe("the examples, through the real Pulumi CLI", () => {
  it("quickstart: serves its endpoint after up; destroy leaves nothing", async () => {
    program = new PulumiProgram("examples/quickstart");
    await program.init();
    await program.up();
    const { endpoint } = await program.outputs();
    expect(await body(endpoint)).toContain("<h1>berth</h1>");
    await program.destroy();
    await nothingLeft(program.project, [defaultHostUrl()]);
  });

  it("puller-server: the puller fills the volume the server serves; a new release re-runs the puller", async () => {
    program = new PulumiProgram("examples/puller-server");
    await program.init({ release: "v1" });
    await program.up();
    const { endpoint } = await program.outputs();
    expect(await body(endpoint)).toContain("release v1");

    await program.setConfig("release", "v2");
    const preview = await program.previewJson();
    const puller = preview.steps.find((s) => s.urn.endsWith("::site-puller"))!;
    expect(puller.op).toBe("replace");
    expect(puller.replaceReasons).toEqual(expect.arrayContaining(["command", "triggers"]));
    await program.up();
    expect(await body((await program.outputs()).endpoint)).toContain("release v2");

    await program.destroy();
    await nothingLeft(program.project, [defaultHostUrl()]);
  });

  it("two-host-cluster: hosts from stack config, one provisioned container on each; destroy removes them", async () => {
    const hosts = [defaultHostUrl(), extraHostUrls()[0]];
    program = new PulumiProgram("examples/two-host-cluster");
    const containerName = `${program.project}-trainer`;
    await program.init({ "hosts.main.url": hosts[0], "hosts.second.url": hosts[1], containerName });
    await program.up();
    const outputs = await program.outputs();
    expect(outputs.actions).toEqual({ main: "launched", second: "launched" });
    for (const url of hosts) expect((await testDocker(url).getContainer(containerName).inspect()).State.Running).toBe(true);
    await program.destroy();
    await nothingLeft(program.project, hosts);
  });

  it("gpu-service: an inference server gets the intel GPU the inventory offers (a mknod render node), shm and memlock; destroy frees it", async () => {
    const nodes = fs.mkdtempSync(path.join(os.tmpdir(), "berth-example-gpu-"));
    execFileSync("mknod", [path.join(nodes, "renderD128"), "c", "1", "3"]);
    program = new PulumiProgram("examples/gpu-service");
    // This machine's dockerd may lock at most 8 MiB, so the example's unlimited memlock is lowered to that.
    await program.init({ "host.url": defaultHostUrl(), "host.gpus.vendor": "intel", "host.gpus.ids[0]": "0", 'host.gpus.devices["0"][0]': path.join(nodes, "renderD128"), memlock: String(MEMLOCK_BYTES) });
    await program.up();
    const outputs = await program.outputs();
    expect(outputs.gpuIds).toEqual(["0"]);
    expect((await fetch(outputs.endpoint)).status).toBe(200);
    const server = await testDocker().getContainer(outputs.containerName).inspect();
    expect(server.HostConfig.Devices!.map((d: { PathOnHost: string }) => d.PathOnHost)).toEqual([path.join(nodes, "renderD128")]);
    expect(server.HostConfig.ShmSize).toBe(2 * 1024 ** 3);
    expect(server.HostConfig.Ulimits).toEqual([{ Name: "memlock", Soft: MEMLOCK_BYTES, Hard: MEMLOCK_BYTES }]);
    await program.destroy();
    await nothingLeft(program.project, [defaultHostUrl()]);
  });

  it("compose-translation: the API serves what it read from the healthy database; a second preview is quiet; destroy leaves no container, volume or network", async () => {
    program = new PulumiProgram("examples/compose-translation");
    await program.init();
    await program.up();
    const { apiEndpoint, networkName } = await program.outputs();
    expect(await body(`${apiEndpoint}/db.txt`)).toBe("db ready user=app\n");
    const docker = testDocker();
    const attached = Object.values((await docker.getNetwork(networkName).inspect()).Containers ?? {}).map((c) => (c as { Name: string }).Name);
    expect(attached).toHaveLength(3);
    const db = (await docker.listContainers({ filters: { label: [`dev.berth.project=${program.project}`, "dev.berth.resource=db"] } }))[0];
    const dbInfo = await docker.getContainer(db.Id).inspect();
    expect(dbInfo.State.Health?.Status).toBe("healthy");
    expect(dbInfo.Config.Env).toContain("DB_PASSWORD=example-only-secret");
    expect(JSON.stringify(await program.stateResources())).not.toContain("example-only-secret");

    const preview = await program.previewJson();
    expect(preview.steps.filter((s) => s.op !== "same")).toEqual([]);

    await program.destroy();
    await nothingLeft(program.project, [defaultHostUrl()]);
    expect(await berthNetworks(docker, program.project)).toEqual([]);
  });
});
