import { afterAll, describe, expect, it } from "vitest";
import * as hooks from "../../../../provider/job/job-hooks";
import * as volumeHooks from "../../../../provider/volume/volume-hooks";
import { defaultHostUrl, sweep, testDocker, uniqueProject } from "../../../support/docker";

const docker = testDocker();
const project = uniqueProject("it-job");
const BUSYBOX = "berth.local/busybox:latest";

async function checked(resource: string, extra: Record<string, unknown>) {
  const result = await hooks.check({}, { host: { url: defaultHostUrl() }, owner: { project, stack: "test", resource }, image: BUSYBOX, ...extra });
  expect(result.failures).toEqual([]);
  return result.inputs as Record<string, unknown>;
}

/** The containers of one job resource, by name. */
async function containersOf(resource: string): Promise<string[]> {
  const listed = await docker.listContainers({ all: true, filters: { label: [`dev.berth.project=${project}`, `dev.berth.resource=${resource}`] } });
  return listed.map((c) => c.Names[0].slice(1)).sort();
}

afterAll(() => sweep(docker, project));

describe("Job hooks against the real daemon", () => {
  it("runs to completion and outputs exit code, duration and log tail, keeping the stopped container it names for its logs", async () => {
    const { outs } = await hooks.create(await checked("ok", { command: ["sh", "-c", "echo preparing; echo done"] }));
    expect(outs).toMatchObject({ exitCode: 0, attempts: 1, logTail: "preparing\ndone", containerName: expect.stringMatching(/-1$/) });
    expect(outs.durationMs).toBeGreaterThanOrEqual(0);
    expect(await containersOf("ok")).toEqual([outs.containerName]);
    const info = await docker.getContainer(outs.containerName).inspect();
    expect(info.State).toMatchObject({ Status: "exited", ExitCode: 0 });
  });

  it("keeps only the last run's container: the next run removes the earlier one, and deleting the earlier run spares the later one's", async () => {
    const first = await hooks.create(await checked("rerun", { command: ["echo", "first"], triggers: [1] }));
    const second = await hooks.create(await checked("rerun", { command: ["echo", "second"], triggers: [2] }));
    expect(second.outs.containerName).not.toBe(first.outs.containerName);
    expect(await containersOf("rerun")).toEqual([second.outs.containerName]);
    // A replacement deletes the earlier run after creating the later one.
    await hooks.delete(first.id!, first.outs);
    expect(await containersOf("rerun")).toEqual([second.outs.containerName]);
    await hooks.delete(second.id!, second.outs);
    expect(await containersOf("rerun")).toEqual([]);
  });

  it("carries the kept container's name through an update of how the job runs", async () => {
    const created = await hooks.create(await checked("updated", { command: ["true"] }));
    const { outs } = await hooks.update(created.id!, created.outs, await checked("updated", { command: ["true"], timeoutSeconds: 60 }));
    expect(outs).toMatchObject({ containerName: created.outs.containerName, timeoutSeconds: 60 });
  });

  it("captures the exit code of a job that exits at once", async () => {
    const { outs } = await hooks.create(await checked("quick", { command: ["sh", "-c", "exit 7"], successExitCodes: [0, 7] }));
    expect(outs.exitCode).toBe(7);
  });

  it("fails on a non-zero exit with the code and redacted log tail, after removing the container", async () => {
    const error = await hooks
      .create(await checked("fails", { command: ["sh", "-c", "echo using $KEY; echo broken >&2; exit 4"], env: { KEY: "key-98765" }, secretEnvKeys: ["KEY"] }))
      .catch((e: Error) => e);
    // stdout and stderr are separate streams: their relative order is not guaranteed.
    expect(String(error)).toMatch(/Job "fails" on host .*: exited with code 4 \(success is 0\); last log lines:\n/);
    expect(String(error)).toContain("using [secret]");
    expect(String(error)).toContain("broken");
    expect(String(error)).not.toContain("key-98765");
    expect(await containersOf("fails")).toEqual([]);
  });

  it("retries up to backoffLimit and succeeds when a later attempt does", async () => {
    const name = `${project}-counter`;
    await docker.createVolume({ Name: name, Labels: { "dev.berth.managed-by": "berth", "dev.berth.project": project } });
    const { outs } = await hooks.create(
      await checked("flaky", {
        command: ["sh", "-c", "echo x >> /state/tries; [ $(wc -l < /state/tries) -ge 3 ]"],
        volumes: [{ source: name, target: "/state" }],
        backoffLimit: 3,
      }),
    );
    expect(outs).toMatchObject({ exitCode: 0, attempts: 3 });
  });

  it("keeps only the attempt that succeeded", async () => {
    const name = `${project}-tries`;
    await docker.createVolume({ Name: name, Labels: { "dev.berth.managed-by": "berth", "dev.berth.project": project } });
    const { outs } = await hooks.create(
      await checked("second-try", { command: ["sh", "-c", "echo x >> /state/tries; [ $(wc -l < /state/tries) -ge 2 ]"], volumes: [{ source: name, target: "/state" }], backoffLimit: 1 }),
    );
    expect(outs).toMatchObject({ attempts: 2, containerName: expect.stringMatching(/-2$/) });
    expect(await containersOf("second-try")).toEqual([outs.containerName]);
  });

  it("reports every attempt failing once backoffLimit is spent", async () => {
    await expect(hooks.create(await checked("spent", { command: ["sh", "-c", "exit 2"], backoffLimit: 2 }))).rejects.toThrow(
      "exited with code 2 (success is 0) on each of 3 attempts (backoffLimit 2)",
    );
    expect(await containersOf("spent")).toEqual([]);
  });

  it("kills and removes a job that runs past its timeout", async () => {
    const started = Date.now();
    await expect(hooks.create(await checked("slow", { command: ["sleep", "30"], timeoutSeconds: 1 }))).rejects.toThrow(
      "did not finish within 1000 ms and was killed",
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await containersOf("slow")).toEqual([]);
  });

  it("reports a child killed for running out of memory while the shell exits 0, without calling the job killed", async () => {
    const error = await hooks
      // The subshell marks itself and its children as the OOM killer's first choice, so the kernel never picks the shell that exits 0.
      .create(await checked("hungry-child", { command: ["sh", "-c", "(echo 1000 > /proc/self/oom_score_adj; head -c 200m /dev/zero | tail > /dev/null); exit 0"], memory: "8m" }))
      .catch((e: Error) => e);
    expect(String(error)).toContain("exited with code 0, but a process in it was killed for running out of memory (memory limit 8m), so its work is incomplete");
  });

  it("reports an OOM kill", async () => {
    const error = await hooks
      .create(await checked("hungry", { command: ["sh", "-c", "head -c 200m /dev/zero | tail > /dev/null"], memory: "8m" }))
      .catch((e: Error) => e);
    expect(String(error)).toMatch(/running out of memory .*memory limit 8m/);
    expect(await containersOf("hungry")).toEqual([]);
  });

  it("fills a volume that a later reader sees (puller → server)", async () => {
    const volumeProps = (await volumeHooks.check({}, { host: { url: defaultHostUrl() }, owner: { project, stack: "test", resource: "content" } })).inputs!;
    const volume = await volumeHooks.create(volumeProps);
    await hooks.create(await checked("puller", { command: ["sh", "-c", "echo model-weights > /data/model.bin"], volumes: [{ source: volume.id, target: "/data" }] }));
    const { outs } = await hooks.create(await checked("reader", { command: ["cat", "/data/model.bin"], volumes: [{ source: volume.id, target: "/data", readOnly: true }] }));
    expect(outs.logTail).toBe("model-weights");
  });

  it("removes containers an interrupted run left behind, at the next run and at delete", async () => {
    const props = await checked("interrupted", { command: ["true"] });
    await docker.createContainer({
      name: `${project}-stale-job`,
      Image: BUSYBOX,
      Cmd: ["sleep", "60"],
      Labels: { "dev.berth.managed-by": "berth", "dev.berth.kind": "job", "dev.berth.project": project, "dev.berth.stack": "test", "dev.berth.resource": "interrupted" },
    });
    const { id, outs } = await hooks.create(props);
    expect(await containersOf("interrupted")).toEqual([outs.containerName]);
    await docker.createContainer({
      name: `${project}-stale-job-2`,
      Image: BUSYBOX,
      Cmd: ["sleep", "60"],
      Labels: { "dev.berth.managed-by": "berth", "dev.berth.kind": "job", "dev.berth.project": project, "dev.berth.stack": "test", "dev.berth.resource": "interrupted" },
    });
    await hooks.delete(id, outs);
    expect(await containersOf("interrupted")).toEqual([]);
  });
  describe("a secret printed 12,000 times on one line, which Docker splits into 16 KB entries", () => {
    const TOK = "TOPSECRET-abcdefghijklmnopqrstuvwxyz0123456789";
    const fragments = (text: string) => {
      const rest = text.split("[secret]").join("");
      return Array.from({ length: TOK.length - 3 }, (_, i) => TOK.slice(i, i + 4)).filter((piece) => rest.includes(piece));
    };
    const printing = (then: string) => ({
      command: ["sh", "-c", `i=0; while [ $i -lt 12000 ]; do printf %s "$TOK"; i=$((i+1)); done; echo; ${then}`],
      env: { TOK },
      secretEnvKeys: ["TOK"],
    });

    it("leaves no fragment of it in the job's logTail", async () => {
      const { outs } = await hooks.create(await checked("loud", printing("echo done")));
      expect(fragments(outs.logTail)).toEqual([]);
      expect(outs.logTail).toBe("done");
    });

    it("leaves no fragment of it in the error of a failed job", async () => {
      const error = String(await hooks.create(await checked("loud-fails", { ...printing("exit 3"), logTailLines: 5 })).catch((e: Error) => e));
      expect(error).toMatch(/exited with code 3 .*; last log lines:\n\[\d+ bytes of a line too long to show whole\]/);
      expect(fragments(error)).toEqual([]);
    });
  });
});
