import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { envFileSource } from "../../../../provider/container/env-files";
import * as hooks from "../../../../provider/deployment/deployment-hooks";
import { berthObjects, defaultHostUrl, sweep, testDocker, uniqueProject } from "../../../support/docker";

const docker = testDocker();
const project = uniqueProject("it-options");
const BUSYBOX = "berth.local/busybox:latest";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-it-options-"));

async function checked(resource: string, extra: Record<string, unknown>) {
  const result = await hooks.check({}, { host: { url: defaultHostUrl() }, owner: { project, stack: "test", resource }, image: BUSYBOX, stopGracePeriodSeconds: 0, ...extra });
  expect(result.failures).toEqual([]);
  return result.inputs as Record<string, unknown>;
}

afterAll(async () => {
  await sweep(docker, project);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("Deployment runtime options against the real daemon", () => {
  it("gates on its own healthcheck: create returns only once Docker reports the container healthy", async () => {
    const started = Date.now();
    const { id } = await hooks.create(
      await checked("db", { command: ["sh", "-c", "sleep 1.5; touch /tmp/ready; exec sleep 300"], healthcheck: { test: "test -f /tmp/ready", interval: "200ms", retries: 30 } }),
    );
    const info = await docker.getContainer(id).inspect();
    expect(info.State.Health?.Status).toBe("healthy");
    expect(info.Config.Healthcheck).toMatchObject({ Test: ["CMD-SHELL", "test -f /tmp/ready"], Interval: 0.2e9, Retries: 30 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });

  it("fails a create whose healthcheck never passes, quoting the last check, and leaves nothing behind", async () => {
    const props = await checked("sick", { command: ["sleep", "300"], healthcheck: { test: "echo not yet; exit 1", interval: "100ms" }, readiness: { dockerHealthcheck: true, deadlineSeconds: 2 } });
    await expect(hooks.create(props)).rejects.toThrow(/health status is "(starting|unhealthy)" \(last check: exit code 1, "not yet"\)/);
    expect((await berthObjects(docker, project)).containers.filter((c) => c.includes("-sick-"))).toEqual([]);
  });

  it("gated on its own healthcheck, fails as soon as Docker reports the container unhealthy, not at the gate's 120 s deadline, and leaves nothing behind", async () => {
    const props = await checked("unhealthy", { command: ["sleep", "300"], healthcheck: { test: "echo broken; exit 1", interval: "200ms", retries: 2 } });
    const started = Date.now();
    await expect(hooks.create(props)).rejects.toThrow(/health status is "unhealthy" \(last check: exit code 1, "broken"\) after \d+ ms.*`healthcheck.startPeriod`/s);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect((await berthObjects(docker, project)).containers.filter((c) => c.includes("-unhealthy-"))).toEqual([]);
  });

  it("runs with env files merged under env, shm size, ulimits and ipc as asked, keeping the file values out of its outputs", async () => {
    const envFile = path.join(dir, "worker.env");
    fs.writeFileSync(envFile, "QUEUE=jobs\nTOKEN=file-secret-123\nMODE=file\n");
    const { id, outs } = await hooks.create(
      await checked("worker", {
        command: ["sleep", "300"],
        env: { MODE: "env" },
        envFiles: [envFileSource(envFile)],
        shmSize: "128m",
        ulimits: { nofile: { soft: 512, hard: 1024 } },
        ipc: "shareable",
        restart: "unless-stopped",
      }),
    );
    const info = await docker.getContainer(id).inspect();
    expect(info.Config.Env).toEqual(expect.arrayContaining(["QUEUE=jobs", "TOKEN=file-secret-123", "MODE=env"]));
    expect(info.HostConfig).toMatchObject({ ShmSize: 128 * 1024 ** 2, Ulimits: [{ Name: "nofile", Soft: 512, Hard: 1024 }], IpcMode: "shareable", RestartPolicy: { Name: "unless-stopped" }, Privileged: false });
    expect(JSON.stringify(outs)).not.toContain("file-secret-123");
  });
});
