import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as hooks from "../../../provider/deployment/deployment-hooks";
import { CONNECT_TIMEOUT_MS } from "../../../provider/docker/client-options";
import { LABELS } from "../../../provider/docker/labels";
import { berthObjects, defaultHostUrl, sweep, testDocker, uniqueProject } from "../../support/docker";
import { failureAfter } from "../../support/fault";
import { OwnSshd, SshAgent } from "../../support/ssh-hosts";

const BERTH = path.resolve(__dirname, "../../../dist/cli/main.js");
const PORT = 2251;
const DEADLINE_S = 10;
const project = uniqueProject("it-sshd-killed");
const docker = testDocker();
const home = fs.mkdtempSync(path.join(os.tmpdir(), "berth-ssh-home-"));
let host: OwnSshd;
let agent: SshAgent;

async function ours(): Promise<Array<{ Id: string; Labels: Record<string, string> }>> {
  return docker.listContainers({ all: true, filters: { label: [`${LABELS.project}=${project}`] } });
}

beforeAll(() => {
  host = new OwnSshd(`faults-${process.pid}`, PORT, defaultHostUrl());
  agent = new SshAgent([path.join(host.dir, "client_key")]);
  process.env.SSH_AUTH_SOCK = agent.socket;
  fs.mkdirSync(path.join(home, ".ssh"));
  fs.writeFileSync(path.join(home, ".ssh/known_hosts"), host.knownHostsLine());
});

afterAll(async () => {
  await sweep(docker, project);
  agent?.stop();
  host?.dispose();
  fs.rmSync(home, { recursive: true, force: true });
});

describe("the sshd of an ssh:// host killed in the middle of a create", () => {
  it("fails the create at the readiness deadline naming the host, and the next create adopts the container made before the kill", async () => {
    const { inputs } = await hooks.check({}, {
      host: { url: host.url, knownHosts: host.knownHostsLine() },
      owner: { project, stack: "test", resource: "web" },
      image: "berth.local/web:latest",
      command: ["sh", "-c", "sleep 4; touch /tmp/ready; exec httpd -f -p 80 -h /www"],
      ports: [{ containerPort: 80, name: "http" }],
      // Probed over the SSH connection (an exec), unlike an httpGet, which reaches the published port without it.
      readiness: { exec: { command: ["test", "-e", "/tmp/ready"] }, deadlineSeconds: DEADLINE_S },
      stopGracePeriodSeconds: 0,
    });
    const creating = hooks.create(inputs as Record<string, unknown>).catch((e: Error) => e);
    // Killed once the container runs: inside the readiness gate, which the 4 s sleep holds closed.
    const running = async () => (await docker.listContainers({ filters: { label: [`${LABELS.project}=${project}`], status: ["running"] } }))[0];
    const made = await vi.waitUntil(running, { timeout: 10_000, interval: 50 });
    const { error, surfacedMs } = await failureAfter("sshd killed mid-create", () => host.kill(), creating);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toContain(`Deployment "web" on host ${host.url}`);
    expect(String(error)).toContain(`host ${host.url}: nothing accepts connections on 127.0.0.1:${PORT} (connection refused)`);
    // The gate keeps probing an unreachable host until its deadline, which a quick sshd restart would survive.
    expect(surfacedMs).toBeLessThan(DEADLINE_S * 1000 + CONNECT_TIMEOUT_MS);
    // The host could not be reached to remove it: the container made before the kill is still there, and only it.
    expect((await ours()).map((c) => c.Id)).toEqual([made.Id]);

    host.restart();
    const { id, outs } = await hooks.create(inputs as Record<string, unknown>);
    expect(id).toBe(made.Id);
    const [adopted, ...others] = await ours();
    expect(others).toEqual([]);
    expect(adopted.Labels).toMatchObject({ [LABELS.managedBy]: "berth", [LABELS.project]: project, [LABELS.resource]: "web" });
    expect((await fetch(`${outs.endpoints.http}/`)).status).toBe(200);
    const ps = spawnSync(process.execPath, [BERTH, "ps", "--host", host.url, "--project", project], { encoding: "utf8", env: { ...process.env, HOME: home } });
    expect(ps.stderr).toBe("");
    expect(ps.stdout.trim().split("\n").filter((line) => line.includes(project) || line.includes("web"))).toHaveLength(1);

    await hooks.delete(id, outs);
    expect(await berthObjects(docker, project)).toEqual({ containers: [], volumes: [] });
  });
});
