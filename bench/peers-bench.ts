// P7–P10: berth against the two tools a user would pick instead, side by side in
// one run: @pulumi/docker 5.2.0 and Terraform with kreuzwerker/docker 4.6.0.
// @pulumi/docker's plugin is a stand-in build of the same upstream through the
// same bridge (scripts/bootstrap-docker-peers.sh), not the official binary.
// Terraform's rows run when `terraform` is on PATH and say so when it is not.
// Run: npx vite-node bench/peers-bench.ts   (BENCH_RUNS, default 3; BENCH_LARGE, default 100, 0 leaves P8@LARGE out;
// BENCH_PARTS, default "cycles,fixed,large": a subset runs those parts alone, e.g. in invocations of their own)
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { BenchStack } from "./stack";
import { median, pairs, row, timed, type Paired } from "./stats";

const ROOT = path.resolve(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LARGE = Number(process.env.BENCH_LARGE ?? 100);
const PARTS = (process.env.BENCH_PARTS ?? "cycles,fixed,large").split(",");
const PULUMI_DOCKER_VERSION = "5.2.0";
const PEERS_DIR = path.join(ROOT, ".berth", "bench", "peers");

/** One tool's stack of `count` gated web services; `service` labels service 0's containers (bench.service). */
interface Tool {
  readonly name: string;
  readonly service: string;
  up(): void;
  /** A no-op preview or plan; fails if it finds changes. */
  preview(): void;
  /** Changes service 0's env and applies it. */
  change(release: string): void;
  destroy(): void;
  dispose(): void;
}

/**
 * How often the peers' healthchecks run in P8 at LARGE. Elsewhere they run
 * every 100 ms, to gate a create as closely as berth's probe; P8 times only
 * previews, and hundreds of containers each running `wget` every 100 ms would
 * overload two cores.
 */
const LARGE_HEALTH_INTERVAL = "30s";

class PulumiTool implements Tool {
  readonly service: string;
  private readonly stack: BenchStack;

  constructor(readonly name: string, program: string, label: string, count: number, options: { parent?: string; plugin?: string; healthInterval?: string } = {}) {
    const { parent, plugin, healthInterval } = options;
    this.stack = new BenchStack(program, label, { count: String(count), ...(healthInterval ? { healthInterval } : {}) }, parent);
    if (plugin) this.stack.pulumi(["plugin", "install", "resource", "docker", PULUMI_DOCKER_VERSION, "--file", plugin]);
    this.service = `bench-${label}-0`;
  }

  up = () => void this.stack.up();
  preview = () => void this.stack.pulumi(["preview", "--non-interactive", "--expect-no-changes"]);
  change(release: string): void {
    this.stack.pulumi(["config", "set", "release", release]);
    this.stack.up();
  }
  destroy = () => void this.stack.destroy();
  dispose = () => this.stack.dispose();
}

class TerraformTool implements Tool {
  readonly name = "Terraform";
  readonly service: string;
  private readonly dir: string;

  constructor(label: string, private readonly count: number, private readonly cliConfig: string, private readonly healthInterval?: string) {
    const project = `bench-${label}-${process.pid}`;
    this.dir = path.join(ROOT, ".berth", "bench", project);
    this.service = `${project}-0`;
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(this.dir, { recursive: true });
    fs.copyFileSync(path.join(ROOT, "bench", "programs", "peer-terraform", "main.tf"), path.join(this.dir, "main.tf"));
    this.vars("0");
    this.terraform(["init", "-input=false"]);
  }

  private vars(release: string): void {
    fs.writeFileSync(path.join(this.dir, "terraform.tfvars"), `project = "${path.basename(this.dir)}"\nservices = ${this.count}\nrelease = "${release}"\n${this.healthInterval ? `health_interval = "${this.healthInterval}"\n` : ""}`);
  }

  private terraform(args: string[]): void {
    execFileSync("terraform", args, { cwd: this.dir, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, TF_CLI_CONFIG_FILE: this.cliConfig, TF_IN_AUTOMATION: "1" } });
  }

  up = () => this.terraform(["apply", "-auto-approve", "-input=false"]);
  preview = () => this.terraform(["plan", "-input=false", "-detailed-exitcode"]);
  change(release: string): void {
    this.vars(release);
    this.up();
  }
  destroy = () => this.terraform(["destroy", "-auto-approve", "-input=false"]);
  dispose(): void {
    this.destroy();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function bootstrap(what: "pulumi-docker" | "terraform-docker"): string {
  const out = execFileSync("bash", [path.join(ROOT, "scripts/bootstrap-docker-peers.sh"), what], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return out.trim().split("\n").pop()!;
}

/** @pulumi/docker's npm package, in a folder of its own that the benchmark's @pulumi/docker stacks sit in. */
function installPulumiDocker(): void {
  fs.mkdirSync(PEERS_DIR, { recursive: true });
  fs.writeFileSync(path.join(PEERS_DIR, "package.json"), JSON.stringify({ private: true, dependencies: { "@pulumi/docker": PULUMI_DOCKER_VERSION, "@pulumi/pulumi": "3.248.0" } }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: PEERS_DIR, stdio: ["ignore", "ignore", "inherit"] });
}

/** P10's wall time, and the requests to service 0 that no container answered while it ran. */
async function changeProbed(tool: Tool, release: string): Promise<{ ms: number; failed: number; gapMs: number }> {
  const prober = spawn("node", [path.join(__dirname, "endpoint-prober.cjs"), tool.service], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  prober.stdout.on("data", (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => output.includes("ready") && (clearInterval(check), resolve()), 20);
    setTimeout(() => (clearInterval(check), reject(new Error(`${tool.name}: service 0 never answered before the change`))), 10_000);
  });
  const ms = await timed(async () => tool.change(release));
  const closed = new Promise((resolve) => prober.on("close", resolve));
  prober.kill("SIGTERM");
  await closed;
  const counts = JSON.parse(output.trim().split("\n").pop()!);
  return { ms, failed: counts.failed, gapMs: counts.longestGapMs };
}

interface Samples {
  up: number[];
  preview: number[];
  change: number[];
  failed: number[];
  gap: number[];
  destroy: number[];
}

const print = (line: string) => console.log(line);
const peerLabel = (tool: Tool) => (tool.name === "Terraform" ? "Terraform + kreuzwerker/docker 4.6" : "@pulumi/docker 5.2 (stand-in plugin)");
const paired = (a: number[], b: number[]): Paired => ({ a, b, ratios: a.map((x, i) => x / b[i]) });

/** P7, P8 (20), P9, P10: each tool's whole cycle in turn, berth, @pulumi/docker, Terraform, run after run. */
async function cycles(tools: Tool[]): Promise<Samples[]> {
  const samples = tools.map((): Samples => ({ up: [], preview: [], change: [], failed: [], gap: [], destroy: [] }));
  for (let i = 0; i <= RUNS; i++) {
    for (const [t, tool] of tools.entries()) {
      const up = await timed(async () => tool.up());
      const preview = await timed(async () => tool.preview());
      const change = await changeProbed(tool, `r${i + 1}`);
      const destroy = await timed(async () => tool.destroy());
      // Each cycle's times as they come (stderr, apart from the table): a run that fails later still leaves them.
      console.error(`${i === 0 ? "warm-up" : `run ${i}`} ${tool.name}: create ${up.toFixed(0)} ms, preview ${preview.toFixed(0)} ms, change ${change.ms.toFixed(0)} ms (${change.failed} failed, gap ${change.gapMs.toFixed(0)} ms), destroy ${destroy.toFixed(0)} ms`);
      if (i === 0) continue; // warm-up
      const s = samples[t];
      s.up.push(up);
      s.preview.push(preview);
      s.change.push(change.ms);
      s.failed.push(change.failed);
      s.gap.push(change.gapMs);
      s.destroy.push(destroy);
    }
  }
  return samples;
}

async function main() {
  const plugin = bootstrap("pulumi-docker");
  installPulumiDocker();
  const terraform = spawnOk("terraform", ["version"]);
  // Rows are printed as they are measured: a long run interrupted still leaves what it measured.
  console.log("| id | measure | berth (median) | peer (median) | ratio (min–max) | target |\n|---|---|---|---|---|---|");
  if (!terraform) print("| — | `terraform` is not on PATH: the Terraform rows did not run | | | | |");
  if (PARTS.includes("cycles")) await sideBySide(plugin, terraform);
  if (PARTS.includes("fixed")) await fixedCosts(plugin, terraform);
  if (PARTS.includes("large") && LARGE > 0) await large(plugin, terraform);
}

/** P7, P8 (20), P9, P10. */
async function sideBySide(plugin: string, terraform: boolean): Promise<void> {
  const tools: Tool[] = [
    new PulumiTool("berth", "peer-berth", "peer-berth", 20),
    new PulumiTool("@pulumi/docker", "peer-pulumi-docker", "peer-pd", 20, { parent: PEERS_DIR, plugin }),
    ...(terraform ? [new TerraformTool("peer-tf", 20, bootstrap("terraform-docker"))] : []),
  ];
  try {
    const [berth, ...peers] = await cycles(tools);
    for (const [p, peer] of peers.entries()) {
      const vs = `vs ${peerLabel(tools[p + 1])}`;
      print(row("P7", `gated create of 20 web services ${vs}`, paired(berth.up, peer.up), 1.0));
      print(row("P8", `no-op preview / plan of 20 ${vs}`, paired(berth.preview, peer.preview), 1.0));
      print(row("P9", `destroy of 20 ${vs}`, paired(berth.destroy, peer.destroy), 1.0));
      print(row("P10", `env change on one of 20, wall time ${vs}`, paired(berth.change, peer.change), 1.0));
      print(`| P10′ | requests to the changed service no container answered (one every 50 ms), longest gap ${vs} | ${median(berth.failed)} failed, ${median(berth.gap).toFixed(0)} ms (max ${Math.max(...berth.failed)}) | ${median(peer.failed)} failed, ${median(peer.gap).toFixed(0)} ms (max ${Math.max(...peer.failed)}) | — | berth 0 |`);
    }
  } finally {
    for (const tool of tools) tool.dispose();
  }
}

/** The fixed cost: an empty stack (the engine or Terraform alone) and a stack of one service (with the provider's start). */
async function fixedCosts(plugin: string, terraform: boolean): Promise<void> {
  const stacks = (count: number): Tool[] => [
    new PulumiTool("berth", "peer-berth", `peer-berth-${count}`, count),
    new PulumiTool("@pulumi/docker", "peer-pulumi-docker", `peer-pd-${count}`, count, { parent: PEERS_DIR, plugin }),
    ...(terraform ? [new TerraformTool(`peer-tf-${count}`, count, bootstrap("terraform-docker"))] : []),
  ];
  for (const [what, count] of [["an empty stack", 0], ["a stack of one service", 1]] as const) {
    const tools = stacks(count);
    try {
      for (const tool of tools) tool.up();
      const previews: number[] = [];
      for (const tool of tools) previews.push(median(await repeat(() => tool.preview())));
      print(`| — | no-op preview / plan of ${what} (the fixed cost): ${tools.map((t, i) => `${t.name} ${previews[i].toFixed(0)} ms`).join(", ")} | | | | |`);
    } finally {
      for (const tool of tools) tool.dispose();
    }
  }
}

/**
 * P8 at LARGE services: no-op previews side by side, berth against each peer,
 * one peer's stack at a time beside berth's (three stacks of LARGE containers
 * at once overload two cores).
 */
async function large(plugin: string, terraform: boolean): Promise<void> {
  const berth = new PulumiTool("berth", "peer-berth", "peer-berth-large", LARGE);
  // Terraform first: its row is the closer one, and @pulumi/docker's previews of LARGE are the longest part.
  const peers: Array<() => Tool> = [
    ...(terraform ? [() => new TerraformTool("peer-tf-large", LARGE, bootstrap("terraform-docker"), LARGE_HEALTH_INTERVAL)] : []),
    () => new PulumiTool("@pulumi/docker", "peer-pulumi-docker", "peer-pd-large", LARGE, { parent: PEERS_DIR, plugin, healthInterval: LARGE_HEALTH_INTERVAL }),
  ];
  const preview = (tool: Tool) => async () => timed(async () => tool.preview());
  try {
    berth.up();
    for (const make of peers) {
      const peer = make();
      try {
        peer.up();
        print(row(`P8@${LARGE}`, `no-op preview / plan of ${LARGE} vs ${peerLabel(peer)}`, await pairs(RUNS, preview(berth), preview(peer)), 1.0));
      } finally {
        peer.dispose();
      }
    }
  } finally {
    berth.dispose();
  }
}

async function repeat(step: () => void): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timed(async () => step()));
  return times;
}

function spawnOk(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
