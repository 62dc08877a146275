import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type Docker from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as hooks from "../../../../provider/persistent/persistent-container-hooks";
import { setupScriptSource } from "../../../../provider/persistent/setup-script-source";
import { defaultHostUrl, extraHostUrls, sweep, testDocker, uniqueProject } from "../../../support/docker";

const project = uniqueProject("it-pc");
const BUSYBOX = "berth.local/busybox:latest";
let urls: string[];
let dockers: Docker[];
let name = "";
let scriptDir: string;

function script(body: string, extra: Record<string, unknown> = {}) {
  const file = path.join(scriptDir, `setup-${Math.random().toString(36).slice(2)}.sh`);
  fs.writeFileSync(file, body);
  return { ...setupScriptSource({ path: file }), ...extra };
}

async function checked(extra: Record<string, unknown>, hostUrls = urls) {
  const result = await hooks.check({}, { hosts: hostUrls.map((url) => ({ url })), owner: { project, stack: "test", resource: "cluster" }, name, image: BUSYBOX, runToken: Math.random().toString(36), ...extra });
  expect(result.failures).toEqual([]);
  return result.inputs as Record<string, unknown>;
}

async function containerIds(): Promise<Array<string | undefined>> {
  return Promise.all(dockers.map((d) => d.getContainer(name).inspect().then((i) => i.Id, () => undefined)));
}

beforeAll(() => {
  urls = [defaultHostUrl(), ...extraHostUrls()];
  dockers = urls.map(testDocker);
  scriptDir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-pc-"));
});

let counter = 0;
function freshName(): string {
  name = `${project}-node-${++counter}`;
  return name;
}

afterAll(async () => {
  for (const docker of dockers) {
    await sweep(docker, project);
    for (const c of await docker.listContainers({ all: true, filters: { name: [project] } })) await docker.getContainer(c.Id).remove({ force: true });
  }
});

describe("PersistentContainer on three daemons", () => {
  it("per_run: launches on every host, provisions through the archive API, gates, and is fresh on every run", async () => {
    freshName();
    const setup = script('echo "provisioned on $(hostname)" > /provisioned.txt\necho step two | cat\n');
    const props = await checked({ lifetime: "per_run", setupScript: setup, readiness: { exec: { command: ["cat", "/provisioned.txt"] }, periodSeconds: 0.05 } });
    const first = await hooks.create(props);
    expect(first.outs.hostResults.map((r: any) => [r.host, r.action, r.provisioned])).toEqual(urls.map((u) => [u, "launched", true]));
    const ids = await containerIds();
    expect(ids.every(Boolean)).toBe(true);
    for (const [i, docker] of dockers.entries()) expect((await docker.getContainer(ids[i]!).inspect()).HostConfig.Privileged).toBe(false);

    await hooks.delete(first.id, first.outs);
    expect((await containerIds()).every((id) => id === undefined)).toBe(true);
    const second = await hooks.create(await checked({ lifetime: "per_run", setupScript: setup }));
    const again = await containerIds();
    expect(again.every((id, i) => id && id !== ids[i])).toBe(true);
    await hooks.delete(second.id, second.outs);
  });

  it("persistent: cold-starts on every host, then a second stack attaches without launching or provisioning", async () => {
    freshName();
    const setup = script("echo once >> /runs.txt\n");
    const install = await hooks.create(await checked({ lifetime: "persistent", setupScript: setup }));
    expect(install.outs.hostResults.every((r: any) => r.action === "launched")).toBe(true);
    const started = install.outs.hostResults.map((r: any) => [r.containerId, r.startedAt]);

    const run = await hooks.create(await checked({ lifetime: "persistent", setupScript: setup, owner: { project, stack: "run", resource: "cluster" } }));
    expect(run.outs.hostResults.map((r: any) => r.action)).toEqual(["attached", "attached", "attached"]);
    expect(run.outs.hostResults.map((r: any) => [r.containerId, r.startedAt])).toEqual(started);
    for (const docker of dockers) {
      const probe = await docker.getContainer(name).exec({ Cmd: ["cat", "/runs.txt"], AttachStdout: true });
      const stream = await probe.start({ hijack: true, stdin: false });
      let out = "";
      stream.on("data", (d: Buffer) => (out += d.toString("latin1")));
      await new Promise((r) => stream.on("end", r));
      expect(out.match(/once/g)).toHaveLength(1);
    }

    await hooks.delete(run.id, run.outs);
    expect((await containerIds()).every(Boolean)).toBe(true);
  });

  it("persistent: a host with the container removed behind berth's back is a partial set, and nothing is touched", async () => {
    const before = await containerIds();
    await dockers[2].getContainer(name).remove({ force: true });
    await expect(hooks.create(await checked({ lifetime: "persistent", setupScript: script("echo once >> /runs.txt\n") }))).rejects.toThrow(
      new RegExp(`partial set: container "${name}" runs on ${urls[0]}, ${urls[1]} but is missing on ${urls[2]}`),
    );
    expect((await containerIds()).slice(0, 2)).toEqual(before.slice(0, 2));
    expect((await containerIds())[2]).toBeUndefined();
  });

  it("persistent: attaching to a container provisioned with another script fails unless re-provisioning is asked for", async () => {
    freshName();
    await hooks.create(await checked({ lifetime: "persistent", setupScript: script("echo v1 > /version\n") }));
    const v2 = script("echo v2 > /version\n");
    await expect(hooks.create(await checked({ lifetime: "persistent", setupScript: v2 }))).rejects.toThrow(/was provisioned with another setup script on/);
    const rerun = await hooks.create(await checked({ lifetime: "persistent", setupScript: { ...v2, reprovisionOnChange: true } }));
    expect(rerun.outs.hostResults.every((r: any) => r.action === "attached")).toBe(true);
  });

  it("re-provisioning that fails reports the host's exit code and output with secrets redacted", async () => {
    freshName();
    const secret = { env: { TOKEN: "tok-31337-secret" }, secretEnvKeys: ["TOKEN"] };
    await hooks.create(await checked({ lifetime: "persistent", setupScript: script("true\n"), ...secret }));
    const broken = script('echo "using $TOKEN"\nexit 6\n', { reprovisionOnChange: true });
    const error = await hooks.create(await checked({ lifetime: "persistent", setupScript: broken, ...secret })).catch((e: Error) => e);
    expect(String(error)).toContain(`the setup script failed on host ${urls[0]} with exit code 6`);
    expect(String(error)).toContain("using [secret]");
    expect(String(error)).not.toContain("tok-31337");
  });

  it("persistent: a running container that was never provisioned is an error", async () => {
    freshName();
    await hooks.create(await checked({ lifetime: "persistent" }));
    await expect(hooks.create(await checked({ lifetime: "persistent", setupScript: script("true\n") }))).rejects.toThrow(/is running but was never provisioned on/);
  });

  it("a setup script failing only on the third host fails with its exit code and output, leaving no container anywhere", async () => {
    freshName();
    const flag = `${project}-flags-${counter}`;
    for (const [i, docker] of dockers.entries()) {
      await docker.createVolume({ Name: flag, Labels: { "dev.berth.managed-by": "berth", "dev.berth.project": project } });
      if (i === 2) {
        const c = await docker.createContainer({ Image: BUSYBOX, Cmd: ["touch", "/flags/fail"], HostConfig: { Binds: [`${flag}:/flags`] } });
        await c.start();
        await c.wait();
        await c.remove();
      }
    }
    const setup = script('echo "checking flags"\nif [ -f /flags/fail ]; then echo "this host is broken" >&2; exit 5; fi\n');
    const error = await hooks.create(await checked({ lifetime: "per_run", setupScript: setup, volumes: [{ source: flag, target: "/flags" }] })).catch((e: Error) => e);
    expect(String(error)).toContain(`the setup script failed on host ${urls[2]} with exit code 5`);
    expect(String(error)).toContain("this host is broken");
    expect(String(error)).toContain("The fresh containers were removed on every host.");
    expect((await containerIds()).every((id) => id === undefined)).toBe(true);
  });

  it("image-SHA skew across hosts fails the launch naming the hosts and ids, leaving no container", async () => {
    freshName();
    const tag = `berth.local/${project}-skew:1`;
    for (const [i, docker] of dockers.entries()) await docker.getImage(i === 1 ? "berth.local/web:latest" : BUSYBOX).tag({ repo: tag.split(":")[0], tag: "1" });
    // Caught at launch, before anything is provisioned or gated: the fresh containers go again.
    const error = await hooks.create(await checked({ lifetime: "persistent", image: tag })).catch((e: Error) => e);
    expect(String(error)).toMatch(new RegExp(`the hosts got different images for \`${tag}\`: ${urls[0]} has [0-9a-f]{12}, ${urls[1]} has [0-9a-f]{12}, ${urls[2]} has [0-9a-f]{12}`));
    expect(await containerIds()).toEqual([undefined, undefined, undefined]);
    for (const docker of dockers) await docker.getImage(tag).remove();
  });

  it("no_launch: verifies without launching, lists missing and stopped hosts, and never removes", async () => {
    freshName();
    await expect(hooks.create(await checked({ lifetime: "no_launch", image: undefined }))).rejects.toThrow(
      `is not running on every host: missing on ${urls[0]}; missing on ${urls[1]}; missing on ${urls[2]}`,
    );
    expect((await containerIds()).every((id) => id === undefined)).toBe(true);

    for (const docker of dockers) await (await docker.createContainer({ name, Image: BUSYBOX, Cmd: ["sleep", "300"] })).start();
    await dockers[1].getContainer(name).stop({ t: 0 });
    await expect(hooks.create(await checked({ lifetime: "no_launch", image: undefined }))).rejects.toThrow(`stopped on ${urls[1]} (exit code 137)`);

    await dockers[1].getContainer(name).start();
    const verified = await hooks.create(await checked({ lifetime: "no_launch", image: undefined }));
    expect(verified.outs.hostResults.map((r: any) => r.action)).toEqual(["verified", "verified", "verified"]);
    await hooks.delete(verified.id, verified.outs);
    expect((await containerIds()).every(Boolean)).toBe(true);
  });

  it("an update's check observes every host: quiet when all is well, a change the update acts on when a container is gone; a preview looks at nothing", async () => {
    freshName();
    const inputs = await checked({ lifetime: "persistent", removeOnDestroy: true });
    const { id, outs } = await hooks.create(inputs);
    const recheck = async (verifyHosts: boolean) => (await hooks.check(inputs, { ...inputs, runToken: "next", verifyHosts })).inputs as Record<string, unknown>;
    const diff = async (news: Record<string, unknown>) => hooks.diff(id, outs, news);

    expect(await diff(await recheck(true))).toMatchObject({ changes: false });
    await dockers[1].getContainer(name).remove({ force: true });
    expect(await diff(await recheck(false))).toMatchObject({ changes: false });
    const observed = await recheck(true);
    expect(observed.observed).toBe(`missing on ${urls[1]}`);
    expect(await diff(observed)).toMatchObject({ changes: true, replaces: [] });
    await expect(hooks.update(id, outs, observed)).rejects.toThrow(`partial set: container "${name}" runs on ${urls[0]}, ${urls[2]} but is missing on ${urls[1]}`);
    await hooks.delete(id, outs);
  });

  it("an update's check fails the run when a no_launch container is gone from a host", async () => {
    freshName();
    for (const docker of dockers) await (await docker.createContainer({ name, Image: BUSYBOX, Cmd: ["sleep", "300"] })).start();
    const inputs = await checked({ lifetime: "no_launch", image: undefined });
    const { id, outs } = await hooks.create(inputs);
    expect(await hooks.diff(id, outs, (await hooks.check(inputs, { ...inputs, verifyHosts: true })).inputs as Record<string, unknown>)).toMatchObject({ changes: false });
    await dockers[2].getContainer(name).remove({ force: true });
    await expect(hooks.check(inputs, { ...inputs, verifyHosts: true })).rejects.toThrow(`is not running on every host: missing on ${urls[2]}`);
    expect((await hooks.check(inputs, { ...inputs, verifyHosts: false })).failures).toEqual([]);
  });

  it("persistent with removeOnDestroy removes the container on every host", async () => {
    freshName();
    const { id, outs } = await hooks.create(await checked({ lifetime: "persistent", removeOnDestroy: true }));
    await hooks.delete(id, outs);
    expect((await containerIds()).every((c) => c === undefined)).toBe(true);
  });

  it("a host that does not answer fails the step, naming it, within the connect timeout", async () => {
    freshName();
    const started = Date.now();
    await expect(hooks.create(await checked({ lifetime: "persistent" }, [urls[0], "unix:///run/berth-no-such-daemon.sock"]))).rejects.toThrow(
      "failed on unix:///run/berth-no-such-daemon.sock",
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((await containerIds())[0]).toBeUndefined();
  });
});
