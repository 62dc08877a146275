import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

/** A benchmark stack: a copy of one of bench/programs with its own file backend, driven by the real CLI. */
export class BenchStack {
  readonly dir: string;

  /** `parent`: the folder to put the copy in (one whose node_modules has the program's packages); .berth/bench by default. */
  constructor(program: string, label: string, config: Record<string, string>, parent = path.join(ROOT, ".berth", "bench")) {
    this.dir = path.join(parent, `${label}-${process.pid}`);
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(this.dir, ".state"), { recursive: true });
    fs.copyFileSync(path.join(ROOT, "bench", "programs", program, "index.ts"), path.join(this.dir, "index.ts"));
    fs.writeFileSync(path.join(this.dir, "Pulumi.yaml"), `name: bench-${label}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n`);
    this.pulumi(["stack", "init", "bench"]);
    for (const [key, value] of Object.entries(config)) this.pulumi(["config", "set", key, value]);
  }

  pulumi(args: string[]): string {
    return execFileSync("bash", ["-c", 'source "$0/scripts/env.sh" && exec pulumi "$@"', ROOT, ...args], {
      cwd: this.dir,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, PULUMI_BACKEND_URL: `file://${this.dir}/.state`, PULUMI_CONFIG_PASSPHRASE: "bench", PULUMI_HOME: path.join(this.dir, ".state", "home") },
    });
  }

  up = () => this.pulumi(["up", "--yes", "--skip-preview", "--non-interactive"]);
  destroy = () => this.pulumi(["destroy", "--yes", "--skip-preview", "--non-interactive"]);
  preview = () => this.pulumi(["preview", "--non-interactive"]);

  dispose(): void {
    this.destroy();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
