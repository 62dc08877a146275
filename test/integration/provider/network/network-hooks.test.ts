import { afterAll, describe, expect, it } from "vitest";
import * as deploymentHooks from "../../../../provider/deployment/deployment-hooks";
import * as jobHooks from "../../../../provider/job/job-hooks";
import * as hooks from "../../../../provider/network/network-hooks";
import { berthNetworks, defaultHostUrl, sweep, testDocker, uniqueProject } from "../../../support/docker";

const docker = testDocker();
const project = uniqueProject("it-network");
const host = { url: defaultHostUrl() };
const BUSYBOX = "berth.local/busybox:latest";

function inputs(resource: string, extra: Record<string, unknown> = {}) {
  return { host, owner: { project, stack: "test", resource }, ...extra };
}

async function checked(resource: string, extra: Record<string, unknown> = {}) {
  const result = await hooks.check({}, inputs(resource, extra));
  expect(result.failures).toEqual([]);
  return result.inputs as Record<string, unknown>;
}

async function deployment(resource: string, extra: Record<string, unknown>) {
  const result = await deploymentHooks.check({}, { ...inputs(resource), image: BUSYBOX, command: ["sleep", "300"], stopGracePeriodSeconds: 0, ...extra });
  expect(result.failures).toEqual([]);
  return deploymentHooks.create(result.inputs as Record<string, unknown>);
}

afterAll(async () => {
  await sweep(docker, project);
  await docker.getNetwork(`${project}-foreign`).remove().catch(() => undefined);
});

describe("Network hooks against the real daemon", () => {
  it("creates a labelled network with a deterministic name and the options asked for, and reads it back", async () => {
    const props = await checked("backend", { internal: true, attachable: true, ipam: { subnet: "10.231.7.0/24", gateway: "10.231.7.1" }, labels: { team: "ml" } });
    const { id, outs } = await hooks.create(props);
    const info = await docker.getNetwork(id).inspect();
    expect(info.Name).toMatch(new RegExp(`^${project}-test-backend-[0-9a-f]{12}$`));
    expect(info).toMatchObject({ Driver: "bridge", Internal: true, Attachable: true, IPAM: { Config: [{ Subnet: "10.231.7.0/24", Gateway: "10.231.7.1" }] } });
    expect(info.Labels).toMatchObject({ "dev.berth.managed-by": "berth", "dev.berth.kind": "network", "dev.berth.resource": "backend", team: "ml" });
    expect(outs).toMatchObject({ networkName: info.Name, networkId: id, adopted: false });
    expect((await hooks.read(id, outs)).id).toBe(id);
  });

  it("adopts its own network when a create is retried, instead of making a second one", async () => {
    const props = await checked("retried");
    const first = await hooks.create(props);
    const second = await hooks.create(props);
    expect(second.id).toBe(first.id);
    expect((await berthNetworks(docker, project)).filter((n) => n.includes("-retried-"))).toHaveLength(1);
  });

  it("refuses a same-named network berth did not create unless adopted, and keeps an adopted one on delete", async () => {
    const name = `${project}-foreign`;
    await docker.createNetwork({ Name: name });
    await expect(hooks.create(await checked("foreign", { name }))).rejects.toThrow(/already exists and was not created by berth.*`adopt: true`/s);
    const { id, outs } = await hooks.create(await checked("foreign", { name, adopt: true }));
    expect(outs).toMatchObject({ adopted: true });
    await hooks.delete(id, outs);
    expect((await docker.getNetwork(name).inspect()).Name).toBe(name);
  });

  it("reports a network removed behind its back as gone, and deletes idempotently", async () => {
    const { id, outs } = await hooks.create(await checked("drift"));
    await docker.getNetwork(id).remove();
    expect(await hooks.read(id, outs)).toEqual({});
    await hooks.delete(id, outs);
  });

  it("creates a container on the first network given and connects it to the others; refuses to delete a network a container still uses, naming it", async () => {
    const front = await hooks.create(await checked("front"));
    const back = await hooks.create(await checked("back"));
    const frontName = front.outs.networkName as string;
    const backName = back.outs.networkName as string;
    // The back network sorts first by name, so this fails if berth sorted the networks.
    const [primary, other] = [frontName, backName].sort().reverse();
    const app = await deployment("app", { networks: [primary, other] });
    const info = await docker.getContainer(app.id).inspect();
    expect(info.HostConfig.NetworkMode).toBe(primary);
    expect(Object.keys(info.NetworkSettings.Networks).sort()).toEqual([primary, other].sort());

    const used = primary === frontName ? front : back;
    await expect(hooks.delete(used.id, used.outs)).rejects.toThrow(new RegExp(`still has containers attached: "${info.Name.slice(1)}".*Remove those containers`, "s"));
    await deploymentHooks.delete(app.id, app.outs);
    await hooks.delete(used.id, used.outs);
    await expect(docker.getNetwork(used.id).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it("starts a Job on every network it lists (it sees one interface per network)", async () => {
    const a = await hooks.create(await checked("job-a"));
    const b = await hooks.create(await checked("job-b"));
    const command = ["sh", "-c", "test $(ls /sys/class/net | grep -c '^eth') -eq 2"];
    const result = await jobHooks.check({}, { ...inputs("two-nets"), image: BUSYBOX, command, networks: [a.outs.networkName, b.outs.networkName] });
    expect(result.failures).toEqual([]);
    await expect(jobHooks.create(result.inputs as Record<string, unknown>)).resolves.toMatchObject({ outs: { exitCode: 0 } });
    const alone = await jobHooks.check({}, { ...inputs("one-net"), image: BUSYBOX, command, networks: [a.outs.networkName] });
    await expect(jobHooks.create(alone.inputs as Record<string, unknown>)).rejects.toThrow(/exited with code 1/);
  });
});
