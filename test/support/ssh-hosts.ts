import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const script = path.join(ROOT, "scripts/sshd.sh");

/** The known_hosts line for an ssh:// URL of an sshd whose keys are in `dir`, as `ssh-keyscan` prints it. */
function knownHostsLine(dir: string, url: string): string {
  const { hostname, port } = new URL(url);
  const [type, key] = fs.readFileSync(path.join(dir, "host_key.pub"), "utf8").split(" ");
  return `[${hostname}]:${port} ${type} ${key}\n`;
}

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
    return knownHostsLine(this.dir, url);
  },
  /** The host key's fingerprint as `ssh-keygen -l` prints it. */
  fingerprint(): string {
    return execFileSync("ssh-keygen", ["-lf", path.join(this.dir, "host_key.pub")], { encoding: "utf8" }).split(" ")[1];
  },
};

/**
 * An sshd of a test's own (scripts/sshd.sh under BERTH_SSHD_INSTANCE) standing
 * for one ssh:// Docker host, which the test may kill and bring back with the
 * same host key.
 */
export class OwnSshd {
  readonly url: string;
  readonly dir: string;

  constructor(
    private readonly name: string,
    private readonly port: number,
    private readonly dockerHost: string,
  ) {
    this.url = this.script("start", `${port}=${dockerHost}`);
    this.dir = this.script("dir");
  }

  private script(...args: string[]): string {
    return execFileSync("bash", [script, ...args], { encoding: "utf8", env: { ...process.env, BERTH_SSHD_INSTANCE: this.name } }).trim();
  }

  knownHostsLine(): string {
    return knownHostsLine(this.dir, this.url);
  }

  /** Kills the sshd and every session it holds, as a crash of the host's sshd would. */
  kill(): void {
    this.script("kill");
  }

  restart(): void {
    this.script("start", `${this.port}=${this.dockerHost}`);
  }

  dispose(): void {
    this.script("stop");
  }
}

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
