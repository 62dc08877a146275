import { afterAll, describe, expect, it } from "vitest";
import * as hooks from "../../../../provider/volume/volume-hooks";
import { berthObjects, defaultHostUrl, sweep, testDocker, uniqueProject } from "../../../support/docker";

const docker = testDocker();
const project = uniqueProject("it-volume");
const host = { url: defaultHostUrl() };

function inputs(resource: string, extra: Record<string, unknown> = {}) {
  return { host, owner: { project, stack: "test", resource }, ...extra };
}

async function checked(resource: string, extra: Record<string, unknown> = {}) {
  const result = await hooks.check({}, inputs(resource, extra));
  expect(result.failures).toEqual([]);
  return result.inputs as Record<string, unknown>;
}

afterAll(async () => {
  await sweep(docker, project);
  for (const name of [`${project}-foreign`]) await docker.getVolume(name).remove().catch(() => undefined);
});

describe("Volume hooks against the real daemon", () => {
  it("creates a labelled volume with a deterministic name and reads it back", async () => {
    const props = await checked("data", { labels: { team: "ml" } });
    const { id, outs } = await hooks.create(props);
    const info = await docker.getVolume(id).inspect();
    expect(id).toMatch(new RegExp(`^${project}-test-data-[0-9a-f]{12}$`));
    expect(info.Labels).toMatchObject({ "dev.berth.managed-by": "berth", "dev.berth.project": project, "dev.berth.resource": "data", team: "ml" });
    expect(outs).toMatchObject({ volumeName: id, mountpoint: info.Mountpoint, adopted: false });

    const read = await hooks.read(id, outs);
    expect(read.id).toBe(id);
  });

  it("adopts its own volume when a create is retried, instead of making a second one", async () => {
    const props = await checked("retried");
    const first = await hooks.create(props);
    const second = await hooks.create(props);
    expect(second.id).toBe(first.id);
    const { volumes } = await berthObjects(docker, project);
    expect(volumes.filter((v) => v.includes("-retried-"))).toHaveLength(1);
  });

  it("reports a volume removed behind its back as gone", async () => {
    const { id, outs } = await hooks.create(await checked("drift"));
    await docker.getVolume(id).remove();
    expect(await hooks.read(id, outs)).toEqual({});
  });

  it("never mistakes an unreachable daemon for a removed volume", async () => {
    const { id, outs } = await hooks.create(await checked("unreachable"));
    const elsewhere = { ...outs, host: { url: "unix:///run/berth-no-such-daemon.sock" } };
    await expect(hooks.read(id, elsewhere)).rejects.toThrow(/Volume "unreachable" on host unix:\/\/\/run\/berth-no-such-daemon.sock: could not inspect volume/);
  });

  it("deletes idempotently", async () => {
    const { id, outs } = await hooks.create(await checked("twice"));
    await hooks.delete(id, outs);
    await hooks.delete(id, outs);
    await expect(docker.getVolume(id).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it("refuses at once to delete a volume in use, naming the container, and keeps it", async () => {
    const { id, outs } = await hooks.create(await checked("in-use"));
    const user = await docker.createContainer({
      name: `${project}-user`,
      Image: "berth.local/busybox:latest",
      Cmd: ["sleep", "60"],
      HostConfig: { Binds: [`${id}:/data`] },
    });
    try {
      const started = Date.now();
      await expect(hooks.delete(id, outs)).rejects.toThrow(`volume "${id}" is still in use by "${project}-user"`);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect((await docker.getVolume(id).inspect()).Name).toBe(id);
    } finally {
      await user.remove({ force: true });
    }
    await hooks.delete(id, outs);
  });

  it("refuses a same-named volume berth did not create, unless asked to adopt it, and keeps an adopted one", async () => {
    const name = `${project}-foreign`;
    await docker.createVolume({ Name: name, Labels: { owner: "someone-else" } });

    await expect(hooks.create(await checked("foreign", { name }))).rejects.toThrow(
      `volume "${name}" already exists and was not created by berth. Set \`adopt: true\``,
    );
    const { id, outs } = await hooks.create(await checked("foreign", { name, adopt: true }));
    expect(outs).toMatchObject({ adopted: true, volumeName: name });
    await hooks.delete(id, outs);
    expect((await docker.getVolume(name).inspect()).Labels).toEqual({ owner: "someone-else" });
  });

  it("refuses a fixed name another berth resource already holds, naming it", async () => {
    const name = `${project}-shared`;
    await hooks.create(await checked("first", { name }));
    await expect(hooks.create(await checked("second", { name }))).rejects.toThrow(`belongs to ${project}/test/first`);
  });

  it("never lets two resources racing for one name both succeed on one Docker volume", async () => {
    for (let round = 0; round < 8; round++) {
      const name = `${project}-race-${round}`;
      const [a, b] = await Promise.allSettled([hooks.create(await checked(`racer-a-${round}`, { name })), hooks.create(await checked(`racer-b-${round}`, { name }))]);
      const lost = [a, b].filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
      expect(lost, `round ${round}`).toHaveLength(1);
      expect(lost[0]).toMatch(new RegExp(`volume "${name}" (was created at the same moment by berth resource|already exists and belongs to) ${project}/test/racer-[ab]-${round}`));
    }
  });
});
