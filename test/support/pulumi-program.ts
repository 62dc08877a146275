import { execFile, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";

const ROOT = path.resolve(__dirname, "../..");
const execFileAsync = promisify(execFile);

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A copy of a stack program (one of test/e2e/programs or examples), run with
 * the real Pulumi CLI against a local file backend of its own inside the copy.
 * By default the copy lives under .berth/e2e inside the repository, so that
 * the program resolves `pulumi-berth` and `@pulumi/pulumi` from this checkout.
 * `outsideRepository` puts it in a folder of the system's temporary directory
 * instead, where it resolves only what `install` puts in its node_modules, as
 * a user's project does. Each copy gets a unique project name, which is also
 * the label tests sweep by.
 */
export class PulumiProgram {
  dir: string;
  readonly project: string;
  readonly stack: string;
  private readonly outsideRepository: boolean;

  /**
   * `source`: the program's folder relative to the repository, e.g. `examples/quickstart`.
   * `projectLength`: lengthen the project name to this many characters, keeping its unique start.
   */
  constructor(source: string, options: { outsideRepository?: boolean; stack?: string; projectLength?: number } = {}) {
    this.stack = options.stack ?? "e2e";
    const suffix = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const project = `e2e-${path.basename(source)}-${suffix}`;
    this.project = options.projectLength ? `${project}-customer-analytics-platform-infrastructure-and-more`.slice(0, options.projectLength) : project;
    this.outsideRepository = options.outsideRepository ?? false;
    this.dir = path.join(this.outsideRepository ? path.join(os.tmpdir(), "berth-e2e") : path.join(ROOT, ".berth", "e2e"), this.project);
    fs.mkdirSync(this.stateDir, { recursive: true });
    fs.cpSync(path.join(ROOT, source), this.dir, { recursive: true, filter: (file) => !/Pulumi\.[^/]*\.yaml$|Pulumi\.yaml$/.test(file) });
    fs.writeFileSync(
      path.join(this.dir, "Pulumi.yaml"),
      `name: ${this.project}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n`,
    );
  }

  private get stateDir(): string {
    return path.join(this.dir, ".state");
  }

  /** Installs the project's own dependencies with npm, as a user does (only outside the repository). */
  async install(dependencies: Record<string, string>, devDependencies: Record<string, string> = {}): Promise<void> {
    if (!this.outsideRepository) throw new Error("install is for programs outside the repository");
    const manifest = { name: this.project, private: true, dependencies, devDependencies };
    fs.writeFileSync(path.join(this.dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    await this.npm(["install"]);
  }

  /** Runs `npm ARGS` in the project's folder (without blocking the test worker, as npm takes seconds). */
  async npm(args: string[]): Promise<string> {
    const { stdout } = await execFileAsync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd: this.dir, encoding: "utf8" });
    return stdout;
  }

  /** Moves the whole project folder, state included, as a renamed folder or a fresh checkout elsewhere would be. */
  moveTo(dir: string): void {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.renameSync(this.dir, dir);
    this.dir = dir;
  }

  private env(extra: Record<string, string>): NodeJS.ProcessEnv {
    return {
      ...process.env,
      PULUMI_BACKEND_URL: `file://${this.stateDir}`,
      PULUMI_CONFIG_PASSPHRASE: "e2e",
      PULUMI_HOME: path.join(this.stateDir, "home"),
      // A user's program is type-checked against berth's published types, as `pulumi up` does by default.
      ...(this.outsideRepository ? { PULUMI_NODEJS_TRANSPILE_ONLY: "false" } : {}),
      ...extra,
    };
  }

  /** Runs a bash command line in the program's directory with berth's environment (scripts/env.sh). */
  private bash(commandLine: string, args: string[], env: Record<string, string>): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const child = spawn("bash", ["-c", `source "$0/scripts/env.sh" && ${commandLine}`, ROOT, ...args], { cwd: this.dir, env: this.env(env) });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
  }

  /** Runs `pulumi ARGS` in the program's directory with berth's environment. */
  run(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
    return this.bash('exec pulumi "$@"', args, env);
  }

  /** Runs a shell command line as a user types it (pipes fail as a whole); fails the test on a non-zero exit. */
  async shell(commandLine: string): Promise<string> {
    const result = await this.bash(`set -o pipefail && ${commandLine}`, [], {});
    if (result.code !== 0) throw new Error(`${commandLine} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
  }

  /** Runs and fails the test with the CLI's whole output when it does not exit 0. */
  async ok(args: string[], env: Record<string, string> = {}): Promise<string> {
    const result = await this.run(args, env);
    if (result.code !== 0) {
      throw new Error(`pulumi ${args.join(" ")} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
    }
    return result.stdout;
  }

  async init(config: Record<string, string> = {}, secrets: Record<string, string> = {}): Promise<void> {
    await this.ok(["stack", "init", this.stack]);
    for (const [key, value] of Object.entries(config)) await this.setConfig(key, value);
    for (const [key, value] of Object.entries(secrets)) await this.ok(["config", "set", "--secret", key, "--", value]);
  }

  setConfig = (key: string, value: string) => this.ok(["config", "set", "--path", key, value]);

  up = () => this.ok(["up", "--yes", "--skip-preview", "--non-interactive"]);

  /**
   * `pulumi up` in a pseudo-terminal (util-linux `script`), as a person at a
   * terminal runs it: returns everything the live view drew, escape codes
   * included. Only there does the engine show a step's passing messages.
   */
  upInTerminal(): Promise<string> {
    const command = `stty cols 300 rows 50 && exec bash -c 'source "$0/scripts/env.sh" && exec pulumi up --yes --skip-preview' ${JSON.stringify(ROOT)}`;
    return new Promise((resolve, reject) => {
      const child = spawn("script", ["--quiet", "--flush", "--return", "--command", command, "/dev/null"], { cwd: this.dir, env: this.env({}) });
      let screen = "";
      child.stdout.on("data", (d) => (screen += d));
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolve(screen) : reject(new Error(`pulumi up in a terminal exited ${code}\n${screen}`))));
    });
  }
  refresh = () => this.ok(["refresh", "--yes", "--skip-preview", "--non-interactive"]);
  destroy = () => this.ok(["destroy", "--yes", "--skip-preview", "--non-interactive"]);
  previewDiff = () => this.ok(["preview", "--diff", "--non-interactive"]);

  async previewJson(): Promise<{ steps: Array<{ op: string; urn: string; diffReasons?: string[]; replaceReasons?: string[] }> }> {
    return JSON.parse(await this.ok(["preview", "--json", "--non-interactive"]));
  }

  async outputs(): Promise<Record<string, any>> {
    return JSON.parse(await this.ok(["stack", "output", "--json", "--show-secrets"]));
  }

  /** The resources in the stack's state, by type token. */
  async stateResources(): Promise<Array<{ type: string; urn: string; outputs?: Record<string, any> }>> {
    const exported = JSON.parse(await this.ok(["stack", "export"]));
    return exported.deployment.resources ?? [];
  }

  /** The stack's state file in the program's file backend. */
  stateFile(stack = this.stack): string {
    return path.join(this.stateDir, ".pulumi", "stacks", this.project, `${stack}.json`);
  }

  /** Destroys whatever is left and removes the copy. */
  async dispose(): Promise<void> {
    await this.run(["destroy", "--yes", "--skip-preview", "--non-interactive"]);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
