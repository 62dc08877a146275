import { afterAll, describe, expect, it } from "vitest";
import * as hooks from "../../../../provider/deployment/deployment-hooks";
import { stopTimeoutOf } from "../../../../provider/docker/containers";
import { defaultHostUrl, sweep, testDocker, uniqueProject } from "../../../support/docker";

const docker = testDocker();
const project = uniqueProject("it-state");
const WEB = "berth.local/web:latest";
const BUSYBOX = "berth.local/busybox:latest";
const httpPort = [{ containerPort: 80, name: "http" }];

async function checked(resource: string, extra: Record<string, unknown> = {}) {
  const result = await hooks.check({}, { host: { url: defaultHostUrl() }, owner: { project, stack: "test", resource }, image: WEB, stopGracePeriodSeconds: 1, ...extra });
  expect(result.failures).toEqual([]);
  return result.inputs as Record<string, unknown>;
}

async function leftovers(resource: string): Promise<string[]> {
  const containers = await docker.listContainers({ all: true, filters: { label: [`dev.berth.project=${project}`, `dev.berth.resource=${resource}`] } });
  return containers.map((c) => c.Names[0]);
}

afterAll(() => sweep(docker, project));

describe("state says what the container is", () => {
  it("running: false from the start is `created`, refreshes without drift, and `up` with running: true starts it", async () => {
    const props = await checked("never-started", { ports: httpPort, running: false });
    const { id, outs } = await hooks.create(props);
    expect(outs.state).toBe("created");
    const refreshed = await hooks.read(id, outs);
    expect(refreshed.props).toMatchObject({ state: "created", running: false });
    expect(refreshed.inputs).toBeUndefined();

    const { outs: started } = await hooks.update(id, refreshed.props!, { ...props, running: true });
    expect(started.state).toBe("running");
    expect((await docker.getContainer(id).inspect()).State.Running).toBe(true);
    expect((await fetch(`${started.endpoints.http}/`)).status).toBe(200);
  });

  it("a paused container refreshes as paused and not running; `up` unpauses it, gated, and leaves no drift", async () => {
    const props = await checked("frozen", { ports: httpPort });
    const { id, outs } = await hooks.create(props);
    await docker.getContainer(id).pause();
    const refreshed = await hooks.read(id, outs);
    expect(refreshed.props).toMatchObject({ state: "paused", running: false });
    expect(refreshed.inputs).toMatchObject({ running: false });

    const { outs: updated } = await hooks.update(id, refreshed.props!, props);
    expect(updated.state).toBe("running");
    expect((await docker.getContainer(id).inspect()).State).toMatchObject({ Running: true, Paused: false });
    const again = await hooks.read(id, updated);
    expect(again.props).toMatchObject({ state: "running", running: true });
    expect(again.inputs).toBeUndefined();
  });

  it("running: false stops a paused container", async () => {
    const props = await checked("frozen-stop");
    const { id, outs } = await hooks.create(props);
    await docker.getContainer(id).pause();
    const { outs: stopped } = await hooks.update(id, { ...outs, state: "paused", running: false }, { ...props, running: false });
    expect(stopped.state).toBe("exited");
  });

  it("the grace period is the container's StopTimeout, and a memory limit keeps its swap through an unrelated update", async () => {
    const props = await checked("limits", { stopGracePeriodSeconds: 7, memory: "64m" });
    const { id, outs } = await hooks.create(props);
    const created = await docker.getContainer(id).inspect();
    expect(stopTimeoutOf(created)).toBe(7);
    expect(created.HostConfig).toMatchObject({ Memory: 64 * 1024 ** 2, MemorySwap: 128 * 1024 ** 2 });

    await hooks.update(id, outs, { ...props, cpus: 0.5 });
    expect((await docker.getContainer(id).inspect()).HostConfig).toMatchObject({ NanoCpus: 5e8, Memory: 64 * 1024 ** 2, MemorySwap: 128 * 1024 ** 2 });
    await hooks.update(id, outs, { ...props, memory: "96m" });
    expect((await docker.getContainer(id).inspect()).HostConfig).toMatchObject({ Memory: 96 * 1024 ** 2, MemorySwap: 192 * 1024 ** 2 });
  });
});

describe("a Deployment without any gate", () => {
  it("fails the create when its process exits at once, even under restart: always, and leaves nothing", async () => {
    const props = await checked("exits-at-once", { image: BUSYBOX, command: ["sh", "-c", "echo 'no config'; exit 1"], restart: "always" });
    await expect(hooks.create(props)).rejects.toThrow(
      /the container exited with exit code 1 and is being restarted by its restart policy within 1000 ms of its start \(a Deployment without readiness must still be running then\)[^]*no config/,
    );
    expect(await leftovers("exits-at-once")).toEqual([]);
  });

  it("is created when its process keeps running", async () => {
    const { outs } = await hooks.create(await checked("keeps-running", { image: BUSYBOX, command: ["sleep", "600"] }));
    expect(outs.state).toBe("running");
  });
});
