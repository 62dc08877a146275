import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { berthObjects, defaultHostUrl, extraHostUrls, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";
import { SshAgent, sshd } from "../support/ssh-hosts";

const BERTH = path.resolve(__dirname, "../../dist/cli/main.js");
// ssh:// URLs of the default daemon, extra host 1 and extra host 2, all through one loopback sshd.
const [sshDefault, sshH1, sshH2] = sshd.urls;
const program = new PulumiProgram("test/e2e/programs/ssh");
const home = fs.mkdtempSync(path.join(os.tmpdir(), "berth-ssh-home-"));
let agent: SshAgent;

/** The berth CLI as a user with the given home directory runs it, logged in through the test's ssh-agent. */
function berth(args: string[], userHome = home): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BERTH, ...args], { encoding: "utf8", env: { ...process.env, HOME: userHome, SSH_AUTH_SOCK: agent.socket } });
}

beforeAll(() => {
  agent = new SshAgent([path.join(sshd.dir, "client_key")]);
  // The provider that `pulumi` starts inherits the agent, as from a user's shell.
  process.env.SSH_AUTH_SOCK = agent.socket;
  fs.mkdirSync(path.join(home, ".ssh"));
  fs.writeFileSync(path.join(home, ".ssh/known_hosts"), sshd.urls.map((url) => sshd.knownHostsLine(url)).join(""));
});
afterAll(async () => {
  await program.dispose();
  agent.stop();
  fs.rmSync(home, { recursive: true, force: true });
});

describe("ssh:// hosts through the real Pulumi CLI", () => {
  it("brings up a Deployment and a PersistentContainer over ssh, previews clean, refreshes, shows in berth ps and logs, and destroys", async () => {
    await program.init({
      sshHosts: JSON.stringify([sshDefault, sshH1, sshH2]),
      knownHosts: sshd.urls.map((url) => sshd.knownHostsLine(url)).join(""),
      unixHost: defaultHostUrl(),
      containerName: `${program.project}-node`,
    });
    const up = await program.up();
    expect(up).not.toMatch(/DeprecationWarning|Warning:/);
    const outputs = await program.outputs();
    expect(await (await fetch(outputs.endpoint)).text()).toContain("berth");
    expect((outputs.hostResults as Array<{ host: string }>).map((r) => r.host)).toEqual([sshH1, sshH2, defaultHostUrl()]);
    // The containers are where the ssh:// URLs lead.
    const onH1 = await berthObjects(testDocker(extraHostUrls()[0]), program.project);
    expect(onH1.containers).toEqual([`${program.project}-node`]);

    expect((await program.previewJson()).steps.filter((s) => s.op !== "same")).toEqual([]);
    await program.refresh();
    expect((await program.previewJson()).steps.filter((s) => s.op !== "same")).toEqual([]);

    const ps = berth(["ps", "--host", sshDefault, "--host", sshH1, "--project", program.project]);
    expect(ps.stderr).toBe("");
    expect(ps.status).toBe(0);
    expect(ps.stdout).toContain("web");
    expect(ps.stdout).toContain(`${program.project}-node`);
    const logs = berth(["logs", "node", "--host", sshH2, "--project", program.project]);
    expect(logs.stderr).toBe("");
    expect(logs.stdout).toContain("node up");

    await program.destroy();
    for (const url of [defaultHostUrl(), ...extraHostUrls()]) expect((await berthObjects(testDocker(url), program.project)).containers).toEqual([]);
  });

  it("berth ps refuses a host whose key is in no known_hosts file, naming the host and the fingerprint", () => {
    const stranger = fs.mkdtempSync(path.join(os.tmpdir(), "berth-ssh-home-"));
    try {
      const ps = berth(["ps", "--host", sshH1], stranger);
      expect(ps.stdout + ps.stderr).toContain(`host ${sshH1}: the host key of [127.0.0.1]:${new URL(sshH1).port} (ssh-ed25519 key ${sshd.fingerprint()}) is in no known_hosts entry`);
    } finally {
      fs.rmSync(stranger, { recursive: true, force: true });
    }
  });
});
