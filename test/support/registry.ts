import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";

const ROOT = path.resolve(__dirname, "../..");
const script = path.join(ROOT, "scripts/registry.sh");
const execFileAsync = promisify(execFile);

/**
 * A TLS + basic-auth registry on loopback (scripts/registry.sh): the shared one
 * the global set-up leases (`TestRegistry.shared()`), or one of a test's own
 * that it may kill and bring back.
 */
export class TestRegistry {
  readonly username = "berth";
  private readonly dockerConfig = fs.mkdtempSync(path.join(os.tmpdir(), "berth-docker-config-"));

  private constructor(
    readonly name: string,
    readonly address: string,
  ) {}

  static shared(): TestRegistry {
    const address = process.env.BERTH_SECURE_REGISTRY;
    if (!address) throw new Error("no registry: run the tests through vitest's global set-up (test/support/global-setup.ts)");
    return new TestRegistry("secure", address);
  }

  /** Starts a registry of the test's own on 127.0.0.1:PORT. */
  static own(name: string, port: number): TestRegistry {
    return new TestRegistry(name, execFileSync("bash", [script, "start", name, String(port), "--auth"], { encoding: "utf8" }).trim());
  }

  password(): string {
    const dir = execFileSync("bash", [script, "dir", this.name], { encoding: "utf8" }).trim();
    return fs.readFileSync(path.join(dir, "password"), "utf8").trim();
  }

  /**
   * Pushes a local image of the default daemon as `address/repository`, logged in
   * through a docker config of the test's own (never the user's), and drops
   * the local tag again so that only a pull can bring it back.
   */
  push(localImage: string, repository: string): string {
    const reference = `${this.address}/${repository}`;
    const docker = (...args: string[]) => execFileSync("docker", ["--config", this.dockerConfig, ...args], { stdio: ["pipe", "ignore", "pipe"], input: args[0] === "login" ? this.password() : undefined });
    docker("login", "-u", this.username, "--password-stdin", this.address);
    docker("tag", localImage, reference);
    docker("push", reference);
    docker("rmi", reference);
    return reference;
  }

  /**
   * Waits until the registry has sent at least `bytes` on one open connection,
   * as the kernel counts them (`ss`): past a manifest's few kilobytes, a pull
   * is inside a layer.
   */
  async servedAtLeast(bytes: number, deadlineMs = 30_000): Promise<void> {
    const port = this.address.split(":")[1];
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      const { stdout } = await execFileAsync("ss", ["-tnHi", "state", "established", `( sport = :${port} )`]);
      const sent = Math.max(0, ...[...stdout.matchAll(/bytes_sent:(\d+)/g)].map((m) => Number(m[1])));
      if (sent >= bytes) return;
      if (Date.now() > deadline) throw new Error(`registry ${this.address} sent no ${bytes} bytes on a connection within ${deadlineMs} ms (most: ${sent})`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  kill(): void {
    execFileSync("bash", [script, "kill", this.name], { stdio: "ignore" });
  }

  /** Brings back a killed registry of the test's own, contents and password as they were. */
  restart(port: number): void {
    execFileSync("bash", [script, "start", this.name, String(port), "--auth"], { stdio: "ignore" });
  }

  /** Removes a registry of the test's own, with its storage; for the shared one only the test's login. */
  dispose(): void {
    if (this.name !== "secure") execFileSync("bash", [script, "stop", this.name], { stdio: "ignore" });
    fs.rmSync(this.dockerConfig, { recursive: true, force: true });
  }
}

/** Removes a reference from the daemons that pulled it (the image stays while another tag holds it). */
export function untag(reference: string, hostUrls: string[]): void {
  for (const url of hostUrls) {
    try {
      execFileSync("docker", ["-H", url, "rmi", reference], { stdio: "ignore" });
    } catch {
      // Not pulled there.
    }
  }
}
