import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Docker from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONNECT_TIMEOUT_MS, dockerClientOptions, type ConnectionEnvironment } from "../../../../provider/docker/client-options";
import * as volumes from "../../../../provider/volume/volume-hooks";
import { uniqueProject } from "../../../support/docker";
import { literally } from "../../../support/regexp";
import { newSshKey, SshAgent, sshd } from "../../../support/ssh-hosts";

const project = uniqueProject("it-ssh");
const [, h1Url] = sshd.urls;
const h1 = new Docker({ socketPath: "/run/berth-hosts/h1/docker.sock" });
const otherKey = newSshKey();
let agent: SshAgent;
let home: string;

/** A client that bypasses the per-process cache, so each case gets its own environment. */
function client(host: { url: string; knownHosts?: string }, env: ConnectionEnvironment = {}): Docker {
  return new Docker(dockerClientOptions(host, undefined, { sshAuthSock: agent.socket, home, ...env }));
}


beforeAll(() => {
  agent = new SshAgent([path.join(sshd.dir, "client_key")]);
  home = fs.mkdtempSync(path.join(os.tmpdir(), "berth-ssh-home-"));
});
afterAll(() => {
  agent.stop();
  fs.rmSync(home, { recursive: true, force: true });
  fs.rmSync(path.dirname(otherKey), { recursive: true, force: true });
});

describe("an ssh:// host", () => {
  it("creates and removes a volume through sshd when the host key is given as `knownHosts`", async () => {
    const saved = process.env.SSH_AUTH_SOCK;
    process.env.SSH_AUTH_SOCK = agent.socket;
    try {
      const checked = await volumes.check({}, { host: { url: h1Url, knownHosts: sshd.knownHostsLine(h1Url) }, owner: { project, stack: "test", resource: "data" } });
      expect(checked.failures).toEqual([]);
      const { id, outs } = await volumes.create(checked.inputs as never);
      expect((await h1.getVolume(id).inspect()).Name).toBe(id);
      await volumes.delete(id, outs);
      await expect(h1.getVolume(id).inspect()).rejects.toMatchObject({ statusCode: 404 });
    } finally {
      process.env.SSH_AUTH_SOCK = saved;
    }
  });

  it("trusts a key listed, hashed, in ~/.ssh/known_hosts", async () => {
    const knownHosts = path.join(home, ".ssh/known_hosts");
    fs.mkdirSync(path.dirname(knownHosts), { recursive: true });
    fs.writeFileSync(knownHosts, `# other hosts\nbuild-01 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBadKeyBadKeyBadKeyBadKeyBadKeyBadKeyBadKeyBa\n${sshd.knownHostsLine(h1Url)}`);
    execFileSync("ssh-keygen", ["-H", "-f", knownHosts], { stdio: "ignore" });
    expect(fs.readFileSync(knownHosts, "utf8")).not.toContain("127.0.0.1");
    expect((await client({ url: h1Url }).info()).DockerRootDir).toBe("/var/lib/berth-hosts/h1");
    fs.rmSync(path.dirname(knownHosts), { recursive: true });
  });

  it("refuses an unknown host key before any Docker call, naming the host, the fingerprint and what to do", async () => {
    await expect(client({ url: h1Url }).info()).rejects.toThrow(
      new RegExp(`host ${literally(h1Url)}: the host key of \\[127\\.0\\.0\\.1\\]:\\d+ \\(ssh-ed25519 key ${literally(sshd.fingerprint())}\\) is in no known_hosts entry \\(searched: ${literally(home)}/\\.ssh/known_hosts, /etc/ssh/ssh_known_hosts\\).*ssh-keyscan -p \\d+ 127\\.0\\.0\\.1`),
    );
  });

  it("refuses a changed host key, naming where the old one is listed", async () => {
    const old = fs.readFileSync(`${otherKey}.pub`, "utf8").split(" ").slice(0, 2).join(" ");
    const { port } = new URL(h1Url);
    await expect(client({ url: h1Url, knownHosts: `[127.0.0.1]:${port} ${old}\n` }).info()).rejects.toThrow(
      new RegExp(`host key of \\[127\\.0\\.0\\.1\\]:${port} has CHANGED: it presents ssh-ed25519 key ${literally(sshd.fingerprint())}, but the host's \`knownHosts\`:1 lists another key.*ssh-keygen -R`),
    );
  });

  it("names the refusal when sshd accepts none of the agent's keys", async () => {
    const stranger = new SshAgent([otherKey]);
    try {
      await expect(client({ url: h1Url, knownHosts: sshd.knownHostsLine(h1Url) }, { sshAuthSock: stranger.socket }).info()).rejects.toThrow(
        `host ${h1Url}: sshd at 127.0.0.1:${new URL(h1Url).port} refused every key the ssh-agent at SSH_AUTH_SOCK offered for user root`,
      );
    } finally {
      stranger.stop();
    }
  });

  it("names the host within the connect timeout when no sshd listens", async () => {
    const started = Date.now();
    await expect(client({ url: "ssh://root@127.0.0.1:2249" }).info()).rejects.toThrow(
      "host ssh://root@127.0.0.1:2249: nothing accepts connections on 127.0.0.1:2249 (connection refused)",
    );
    expect(Date.now() - started).toBeLessThan(CONNECT_TIMEOUT_MS);
  });

  it("prints no warning while talking to the daemon", () => {
    const program = `
      const Docker = require("dockerode");
      const { dockerClientOptions } = require(${JSON.stringify(path.resolve("dist/provider/docker/client-options"))});
      const host = { url: ${JSON.stringify(h1Url)}, knownHosts: ${JSON.stringify(sshd.knownHostsLine(h1Url))} };
      new Docker(dockerClientOptions(host, undefined, { sshAuthSock: ${JSON.stringify(agent.socket)} })).listContainers().then((list) => console.log(Array.isArray(list)));`;
    const result = require("child_process").spawnSync(process.execPath, ["-e", program], { encoding: "utf8" });
    expect(result.stdout.trim()).toBe("true");
    expect(result.stderr).toBe("");
  });
});
