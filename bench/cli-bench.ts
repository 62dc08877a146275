// P2, P2b, P4, P5 and P2's scaling: the real Pulumi CLI against docker-compose and raw dockerode.
// Run: npx vite-node bench/cli-bench.ts
import { spawn } from "child_process";
import Docker from "dockerode";
import { ComposeProject } from "./compose";
import { rawCreateStartProbe, rawStopRemove } from "./raw-docker";
import { BenchStack } from "./stack";
import { median, pairs, row, timed } from "./stats";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const docker = new Docker({ socketPath: "/var/run/docker.sock" });
const PERIOD_MS = 50;

async function timedUpDestroy(stack: BenchStack): Promise<{ up: number; destroy: number }> {
  const up = await timed(async () => stack.up());
  const destroy = await timed(async () => stack.destroy());
  return { up, destroy };
}

async function rawParallel(count: number): Promise<{ up: number; down: number }> {
  let ids: string[] = [];
  const up = await timed(async () => {
    ids = await Promise.all(Array.from({ length: count }, (_, i) => rawCreateStartProbe(docker, `bench-raw-${process.pid}-${i}`, "berth.local/web:latest", PERIOD_MS, { "bench.raw": "1" })));
  });
  const down = await timed(() => rawStopRemove(docker, ids, 2));
  return { up, down };
}

async function servicesRows(count: number): Promise<string[]> {
  const berth = new BenchStack("services", `svc${count}`, { count: String(count) });
  const empty = new BenchStack("services", `empty${count}`, { count: "0" });
  // As many dynamic resources that do nothing: what the engine itself spends per
  // resource, and per property when they have a Deployment's properties.
  const trivial = new BenchStack("many", `trivial${count}`, { count: String(count), kind: "trivial" });
  const shaped = new BenchStack("many", `shaped${count}`, { count: String(count), kind: "deployment-shaped" });
  const compose = new ComposeProject(`benchcompose${count}`, count, PERIOD_MS);
  const samples = { up: [] as number[], destroy: [] as number[], emptyUp: [] as number[], emptyDestroy: [] as number[], trivialUp: [] as number[], trivialDestroy: [] as number[], shapedUp: [] as number[], shapedDestroy: [] as number[], compose: [] as number[], rawUp: [] as number[], rawDown: [] as number[] };
  try {
    for (let i = 0; i <= RUNS; i++) {
      const b = await timedUpDestroy(berth);
      const e = await timedUpDestroy(empty);
      const t = await timedUpDestroy(trivial);
      const s = await timedUpDestroy(shaped);
      const c = await timed(() => compose.upHealthy(docker));
      compose.down();
      const r = await rawParallel(count);
      if (i === 0) continue; // warm-up
      samples.up.push(b.up);
      samples.destroy.push(b.destroy);
      samples.emptyUp.push(e.up);
      samples.emptyDestroy.push(e.destroy);
      samples.trivialUp.push(t.up);
      samples.trivialDestroy.push(t.destroy);
      samples.shapedUp.push(s.up);
      samples.shapedDestroy.push(s.destroy);
      samples.compose.push(c);
      samples.rawUp.push(r.up);
      samples.rawDown.push(r.down);
    }
  } finally {
    berth.dispose();
    empty.dispose();
    trivial.dispose();
    shaped.dispose();
  }
  const paired = (a: number[], b: number[]) => ({ a, b, ratios: a.map((x, i) => x / b[i]) });
  const share = (total: number[], base: number[]) => total.map((t, i) => t - base[i]);
  const rows = [row(count === 20 ? "P2" : `P2@${count}`, `\`pulumi up\` of ${count} HTTP-gated services vs \`docker-compose up -d\` + all healthy`, paired(samples.up, samples.compose), 1.0)];
  if (count === 20) {
    rows.push(row("P2b", "berth's share of that `up` (minus an empty stack's `up`) vs raw dockerode, 20 in parallel", paired(share(samples.up, samples.emptyUp), samples.rawUp), 1.2));
    rows.push(row("P5", "berth's share of `pulumi destroy` of 20 vs raw dockerode parallel stop+remove of 20", paired(share(samples.destroy, samples.emptyDestroy), samples.rawDown), 1.2));
    rows.push(`| — | empty stack: \`pulumi up\` ${median(samples.emptyUp).toFixed(0)} ms, \`pulumi destroy\` ${median(samples.emptyDestroy).toFixed(0)} ms (the engine's fixed cost) | | | | |`);
    rows.push(`| — | 20 dynamic resources that do nothing: \`pulumi up\` ${median(samples.trivialUp).toFixed(0)} ms, \`pulumi destroy\` ${median(samples.trivialDestroy).toFixed(0)} ms (the engine's cost per resource, before any Docker work) | | | | |`);
    rows.push(row("P2b′", "berth's own share of `up` (minus 20 do-nothing dynamic resources) vs raw dockerode", paired(share(samples.up, samples.trivialUp), samples.rawUp), 1.2));
    rows.push(row("P5′", "berth's own share of `destroy` (minus 20 do-nothing dynamic resources) vs raw dockerode", paired(share(samples.destroy, samples.trivialDestroy), samples.rawDown), 1.2));
    rows.push(row("P2b″", "berth's own share of `up` (minus 20 do-nothing dynamic resources with a Deployment's properties) vs raw dockerode", paired(share(samples.up, samples.shapedUp), samples.rawUp), 1.2));
    rows.push(row("P5″", "berth's own share of `destroy` (minus the same) vs raw dockerode", paired(share(samples.destroy, samples.shapedDestroy), samples.rawDown), 1.2));
  }
  return rows;
}

/** Peak resident memory of the dynamic-provider processes while `step` runs, by polling ps from a second process. */
async function providerPeakKb(step: () => void): Promise<number> {
  const sampler = spawn("bash", ["-c", "peak=0; while true; do for r in $(ps -eo rss,args | awk '/[d]ynamic-provider/ {print $1}'); do [ \"$r\" -gt \"$peak\" ] && peak=$r && echo $peak; done; sleep 0.05; done"]);
  let peak = 0;
  sampler.stdout.on("data", (d: Buffer) => (peak = Math.max(peak, ...d.toString().trim().split("\n").map(Number))));
  try {
    step();
    await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    sampler.kill();
  }
  return peak;
}

async function p4(): Promise<string[]> {
  const stacks = ["volume", "trivial", "volume-shaped"].map((kind) => new BenchStack("many", `many-${kind}`, { count: "100", kind }));
  const [berth, trivial, shaped] = stacks;
  try {
    for (const stack of stacks) stack.up();
    const preview = (stack: BenchStack) => async () => timed(async () => stack.preview());
    const result = await pairs(RUNS, preview(berth), preview(trivial));
    const sameShape = await pairs(RUNS, preview(berth), preview(shaped));
    const memory = await providerPeakKb(() => berth.preview());
    return [
      row("P4", "no-op `pulumi preview` of 100 berth Volumes vs 100 dynamic resources that do nothing", result, 1.1),
      row("P4′", "the same, vs 100 dynamic resources that do nothing but have a Volume's properties", sameShape, 1.1),
      `| — | dynamic-provider process peak RSS during that preview: ${(memory / 1024).toFixed(0)} MiB | | | | |`,
    ];
  } finally {
    for (const stack of stacks) stack.dispose();
  }
}

async function main() {
  // BENCH_SCALE= (empty) runs P4 alone; BENCH_ONLY=P2 leaves P4 out.
  const counts = (process.env.BENCH_SCALE ?? "5,20,50").split(",").filter(Boolean).map(Number);
  const only = process.env.BENCH_ONLY?.split(",");
  const rows: string[] = [];
  if (process.env.PULUMI_PARALLEL) rows.push(`| — | every \`pulumi\` command below ran with PULUMI_PARALLEL=${process.env.PULUMI_PARALLEL} (\`--parallel\`) | | | | |`);
  if (!only || only.includes("P2")) for (const count of counts) rows.push(...(await servicesRows(count)));
  if (!only || only.includes("P4")) rows.push(...(await p4()));
  console.log(["| id | measure | berth (median) | baseline (median) | ratio (min–max) | target |", "|---|---|---|---|---|---|", ...rows].join("\n"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
