import { execFileSync } from "child_process";
import type Docker from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as hooks from "../../../../provider/deployment/deployment-hooks";
import { publishedPorts } from "../../../../provider/docker/published-ports";
import { gpuHoldings } from "../../../../provider/gpu/gpu-holdings";
import { defaultHostUrl, sweep, testDocker, uniqueProject } from "../../../support/docker";
import { runCli } from "../../cli/run-cli";

// An image carrying berth's labels, as `docker commit` of a berth sidecar makes one: it claims
// to be a sidecar of another deployment's container, to hold GPUs and ports, and to be berth's.
const docker = testDocker();
const project = uniqueProject("it-spoof");
const SPOOF = `berth.local/${project}:latest`;
const victimName = `${project}-victim`;
const SPOOFED: Record<string, string> = {
  "dev.berth.managed-by": "berth",
  "dev.berth.kind": "deployment",
  "dev.berth.project": project,
  "dev.berth.stack": "test",
  "dev.berth.resource": "victim",
  "dev.berth.spec-hash": "0123456789ab",
  "dev.berth.sidecar-of": victimName,
  "dev.berth.gpus": "0,1",
  "dev.berth.ports": "40999",
  "dev.berth.container-name": `${victimName}-proxy`,
  "dev.berth.anything": "else",
};
let stranger: Docker.Container;

async function checked(resource: string, extra: Record<string, unknown>) {
  const result = await hooks.check({}, { host: { url: defaultHostUrl() }, owner: { project, stack: "test", resource }, stopGracePeriodSeconds: 0, ...extra });
  expect(result.failures).toEqual([]);
  return result.inputs as Record<string, unknown>;
}

const sleeper = (image: string) => ({ image, command: ["sleep", "3600"] });
const exists = (id: string) => docker.getContainer(id).inspect().then(() => true, () => false);

beforeAll(() => {
  const labels = Object.entries(SPOOFED).map(([key, value]) => `${key}="${value}"`).join(" ");
  execFileSync("docker", ["build", "-q", "-t", SPOOF, "-"], { input: `FROM berth.local/busybox:latest\nLABEL ${labels}\n`, env: { ...process.env, DOCKER_BUILDKIT: "0" } });
});

afterAll(async () => {
  await stranger?.remove({ force: true }).catch(() => undefined);
  await sweep(docker, project);
  await docker.getImage(SPOOF).remove({ force: true }).catch(() => undefined);
});

describe("labels an image carries under berth's prefix", () => {
  let spoofId: string;

  it("are overridden or cleared at create: the container carries exactly the labels berth wrote", async () => {
    const { id, outs } = await hooks.create(await checked("spoof", sleeper(SPOOF)));
    spoofId = id;
    expect(outs.gpuIds).toEqual([]);
    const labels = (await docker.getContainer(id).inspect()).Config.Labels;
    const berths = Object.fromEntries(Object.entries(labels).filter(([key, value]) => key.startsWith("dev.berth.") && value !== ""));
    expect(berths).toEqual({
      "dev.berth.managed-by": "berth",
      "dev.berth.kind": "deployment",
      "dev.berth.project": project,
      "dev.berth.stack": "test",
      "dev.berth.resource": "spoof",
      "dev.berth.spec-hash": outs.specHash,
      "dev.berth.container-name": outs.containerName,
    });
  });

  it("never make a container a sidecar, a GPU or port holder, or berth's, when berth did not write them", async () => {
    // A container run from the image outside berth, with the image's labels only.
    stranger = await docker.createContainer({ Image: SPOOF, Cmd: ["sleep", "3600"], HostConfig: { Init: true } });
    await stranger.start();

    // Creating the victim replaces its sidecars, deleting it removes them: both by the sidecar label.
    const victim = await checked("victim", { ...sleeper("berth.local/busybox:latest"), name: victimName, sidecars: [{ name: "proxy", ...sleeper("berth.local/busybox:latest") }] });
    const { id: victimId } = await hooks.create(victim);
    await hooks.delete(victimId, victim);
    expect(await exists(victimId)).toBe(false);
    expect(await exists(stranger.id)).toBe(true);
    expect(await exists(spoofId)).toBe(true);

    expect(await publishedPorts(docker)).not.toContain(40999);
    expect((await gpuHoldings(docker)).filter((h) => h.holder.startsWith(`${project}/`) && h.ids.length > 0)).toEqual([]);
    const { stdout } = await runCli(["ps", "--project", project, "--host", defaultHostUrl(), "--json"]);
    const listed = JSON.parse(stdout).stacks.flatMap((s: { resources: Array<{ objects: Array<{ id: string }> }> }) => s.resources.flatMap((r) => r.objects.map((o) => o.id)));
    expect(listed).toEqual([spoofId]);
  });
});
