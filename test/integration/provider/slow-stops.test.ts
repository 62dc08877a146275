import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { createLabels } from "../../../provider/docker/labels";
import { runCli } from "../cli/run-cli";
import * as hooks from "../../../provider/deployment/deployment-hooks";
import { stopContainer } from "../../../provider/docker/containers";
import * as jobHooks from "../../../provider/job/job-hooks";
import * as persistentHooks from "../../../provider/persistent/persistent-container-hooks";
import { defaultHostUrl, extraHostUrls, sweep, testDocker, uniqueProject } from "../../support/docker";

const docker = testDocker();
const project = uniqueProject("it-stops");
const STUBBORN = "berth.local/stubborn:latest";
const DRAINER = "berth.local/drainer:latest";

async function checked(resource: string, extra: Record<string, unknown>) {
  const result = await hooks.check({}, { host: { url: defaultHostUrl() }, owner: { project, stack: "test", resource }, ...extra });
  expect(result.failures).toEqual([]);
  return result.inputs as Record<string, unknown>;
}

async function leftovers(resource: string): Promise<string[]> {
  const containers = await docker.listContainers({ all: true, filters: { label: [`dev.berth.project=${project}`, `dev.berth.resource=${resource}`] } });
  return containers.map((c) => c.Names[0]);
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await work();
  return (Date.now() - started) / 1000;
}

/** About the expected time: never cut short, never doubled. */
function expectAbout(seconds: number, expected: number): void {
  expect(seconds).toBeGreaterThanOrEqual(expected - 0.5);
  expect(seconds).toBeLessThan(expected * 1.25 + 3);
}

afterAll(() => Promise.all([defaultHostUrl(), ...extraHostUrls()].map((url) => sweep(testDocker(url), project))));

// Each case waits out a grace period: they run side by side, so the file takes as long as the longest.
describe.concurrent("a stop takes as long as its grace period, and no longer", () => {
  it.each([
    ["a server ignoring SIGTERM, grace 0 s", STUBBORN, {}, 0, 0],
    ["a server ignoring SIGTERM, grace 10 s", STUBBORN, {}, 10, 10],
    ["a server ignoring SIGTERM, grace 30 s", STUBBORN, {}, 30, 30],
    ["a server draining for 20 s, grace 30 s", DRAINER, { DRAIN_SECONDS: "20" }, 30, 20],
  ] as const)("destroy: %s", async (_what, image, env, grace, expected) => {
    const resource = `destroy-${image.includes("stub") ? "stubborn" : "drainer"}-${grace}`;
    const { id, outs } = await hooks.create(await checked(resource, { image, env, stopGracePeriodSeconds: grace }));
    expectAbout(await timed(() => hooks.delete(id, outs)), expected);
    expect(await leftovers(resource)).toEqual([]);
  });

  it("running: false stops a server ignoring SIGTERM within its 12 s grace period, and says so while it waits", async () => {
    const props = await checked("stop-in-place", { image: STUBBORN, stopGracePeriodSeconds: 12 });
    const { id, outs } = await hooks.create(props);
    const seconds = await timed(() => hooks.update(id, outs, { ...props, running: false }));
    expectAbout(seconds, 12);
    expect((await docker.getContainer(id).inspect()).State).toMatchObject({ Running: false, ExitCode: 137 });
    await hooks.delete(id, outs);
    expect(await leftovers("stop-in-place")).toEqual([]);
  });

  it.each([0, 10, 30])("PersistentContainer removeOnDestroy: a server ignoring SIGTERM on 3 hosts, grace %i s, stopped side by side", async (grace) => {
    const urls = [defaultHostUrl(), ...extraHostUrls()];
    const name = `${project}-node-${grace}`;
    const checked = await persistentHooks.check({}, {
      hosts: urls.map((url) => ({ url })),
      owner: { project, stack: "test", resource: `cluster-${grace}` },
      name,
      image: STUBBORN,
      // Without a command, berth keeps a persistent container alive with a shell that obeys SIGTERM.
      command: ["httpd", "-f", "-p", "80", "-h", "/www"],
      lifetime: "persistent",
      removeOnDestroy: true,
      stopGracePeriodSeconds: grace,
    });
    expect(checked.failures).toEqual([]);
    const { id, outs } = await persistentHooks.create(checked.inputs!);
    expectAbout(await timed(() => persistentHooks.delete(id, outs)), grace);
    for (const url of urls) await expect(testDocker(url).getContainer(name).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it("Job timeout: a job ignoring SIGTERM is killed at its timeout, fails saying so, and leaves nothing", async () => {
    const checked = await jobHooks.check({}, { host: { url: defaultHostUrl() }, owner: { project, stack: "test", resource: "stuck-job" }, image: STUBBORN, timeoutSeconds: 3 });
    expect(checked.failures).toEqual([]);
    const started = Date.now();
    await expect(jobHooks.create(checked.inputs!)).rejects.toThrow("did not finish within 3000 ms and was killed");
    expectAbout((Date.now() - started) / 1000, 3);
    expect(await leftovers("stuck-job")).toEqual([]);
  });

  it("berth gc stops orphans ignoring SIGTERM side by side, each within its own 10 s grace period", async () => {
    const owner = { project, stack: "gc", resource: "orphan" };
    const orphans = await Promise.all(
      [1, 2, 3].map(async (i) => {
        const container = await docker.createContainer({
          name: `${project}-gc-orphan-${i}`,
          Image: STUBBORN,
          Labels: createLabels({ kind: "deployment", owner, specHash: "0123abcd" }),
          StopTimeout: 10,
        } as never);
        await container.start();
        return container.id;
      }),
    );
    // A file backend whose stack of this project holds nothing: its containers are orphans.
    const backend = fs.mkdtempSync(path.join(os.tmpdir(), "berth-gc-state-"));
    fs.mkdirSync(path.join(backend, ".pulumi", "stacks", project), { recursive: true });
    fs.writeFileSync(path.join(backend, ".pulumi", "meta.yaml"), "version: 1\n");
    const latest = { manifest: { time: new Date().toISOString(), version: "v3.248.0" }, resources: [] };
    fs.writeFileSync(path.join(backend, ".pulumi", "stacks", project, "gc.json"), JSON.stringify({ version: 3, checkpoint: { stack: `organization/${project}/gc`, latest } }));
    let result: Awaited<ReturnType<typeof runCli>> | undefined;
    const seconds = await timed(async () => (result = await runCli(["gc", "--project", project, "--stack", "gc", "--host", defaultHostUrl(), "--state-dir", backend])));
    expect(result?.stderr).toBe("");
    expect(result?.stdout).toContain("Removed 3 of 3, kept 0.");
    expectAbout(seconds, 10);
    for (const id of orphans) await expect(docker.getContainer(id).inspect()).rejects.toMatchObject({ statusCode: 404 });
    fs.rmSync(backend, { recursive: true });
  });

  it("reports how long a stop has waited, of how long", async () => {
    const { id, outs } = await hooks.create(await checked("reported", { image: STUBBORN, stopGracePeriodSeconds: 5 }));
    const heard: string[] = [];
    await stopContainer(docker, id, 5, (message) => heard.push(message));
    expect(heard).toContain("stopping, 2 s of up to 5 s grace");
    expect(heard).toContain("stopping, 4 s of up to 5 s grace");
    await hooks.delete(id, outs);
  });
});
