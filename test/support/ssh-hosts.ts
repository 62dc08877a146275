import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * The loopback sshd that scripts/test-services.sh starts: one ssh:// URL per
 * daemon (the default one, extra hosts 1 and 2), one host key, one accepted
 * client key.
 */
export const sshd = {
  dir: process.env.BERTH_SSHD_DIR ?? "/run/berth-sshd",
  urls: (process.env.BERTH_SSH_HOSTS ?? "").split(",").filter(Boolean),
  /** The known_hosts line for an ssh:// URL of this sshd, as `ssh-keyscan` prints it. */
  knownHostsLine(url: string): string {
    const { hostname, port } = new URL(url);
    const [type, key] = fs.readFileSync(path.join(this.dir, "host_key.pub"), "utf8").split(" ");
    return `[${hostname}]:${port} ${type} ${key}\n`;
  },
  /** The host key's fingerprint as `ssh-keygen -l` prints it. */
  fingerprint(): string {
    return execFileSync("ssh-keygen", ["-lf", path.join(this.dir, "host_key.pub")], { encoding: "utf8" }).split(" ")[1];
  },
};

/** An ssh-agent of the test's own, holding the given private keys; `stop` ends it. */
export class SshAgent {
  readonly socket: string;
  private readonly pid: number;

  constructor(keys: string[]) {
    const out = execFileSync("ssh-agent", ["-s"], { encoding: "utf8" });
    this.socket = /SSH_AUTH_SOCK=([^;]+);/.exec(out)![1];
    this.pid = Number(/SSH_AGENT_PID=(\d+);/.exec(out)![1]);
    for (const key of keys) execFileSync("ssh-add", ["-q", key], { env: { ...process.env, SSH_AUTH_SOCK: this.socket }, stdio: "ignore" });
  }

  stop(): void {
    process.kill(this.pid);
  }
}

/** A fresh ed25519 key pair in a temporary directory; returns the private key's path. */
export function newSshKey(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-ssh-key-"));
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path.join(dir, "id_ed25519")]);
  return path.join(dir, "id_ed25519");
}
