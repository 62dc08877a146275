// P1, P3 and P6: berth's provider hooks against raw dockerode, side by side in one run.
// Run: npx vite-node bench/hooks-bench.ts
import type * as pulumi from "@pulumi/pulumi";
import Docker from "dockerode";
import * as deployments from "../provider/deployment/deployment-hooks";
import * as persistent from "../provider/persistent/persistent-container-hooks";
import { containerLogTail } from "../provider/docker/container-logs";
import { median, pairs, percentile, row, timed } from "./stats";
import { rawCreateStartProbe, rawStopRemove } from "./raw-docker";
import { PRINT_WALL_CLOCK, printedWallClockMs } from "../test/support/container-clock";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const project = `bench-${process.pid}`;
const local = "unix:///var/run/docker.sock";
const docker = new Docker({ socketPath: "/var/run/docker.sock" });
const extraHosts = (process.env.BERTH_EXTRA_HOSTS ?? "").split(",").filter(Boolean);
let n = 0;

async function deploymentProps(resource: string, extra: Record<string, unknown> = {}) {
  const { inputs, failures } = await deployments.check({}, {
    host: { url: local },
    owner: { project, stack: "bench", resource },
    image: "berth.local/web:latest",
    ports: [{ containerPort: 80, name: "http" }],
    readiness: { httpGet: { port: "http" }, periodSeconds: 0.02 },
    stopGracePeriodSeconds: 1,
    ...extra,
  });
  if (failures?.length) throw new Error(JSON.stringify(failures));
  return inputs as Record<string, unknown>;
}

async function p1(): Promise<string> {
  const result = await pairs(
    RUNS,
    async () => {
      const props = await deploymentProps(`p1-${n++}`);
      let created: pulumi.dynamic.CreateResult | undefined;
      const ms = await timed(async () => (created = await deployments.create(props)));
      await deployments.delete(created!.id, created!.outs);
      return ms;
    },
    async () => {
      let id = "";
      const ms = await timed(async () => (id = await rawCreateStartProbe(docker, `${project}-raw-${n++}`, "berth.local/web:latest", 20, { "dev.berth.project": project })));
      await rawStopRemove(docker, [id], 1);
      return ms;
    },
  );
  return row("P1", "Deployment create→ready (hooks) vs raw dockerode create+start+same HTTP probe", result, 1.05);
}

// The container prints the wall clock just before httpd listens.
async function p3(): Promise<string> {
  const lags: number[] = [];
  for (let i = 0; i < RUNS * 3; i++) {
    const delay = (0.3 + Math.random() * 0.7).toFixed(2);
    const props = await deploymentProps(`p3-${n++}`, {
      command: ["sh", "-c", `sleep ${delay}; ${PRINT_WALL_CLOCK}; exec httpd -f -p 80 -h /www`],
      readiness: { httpGet: { port: "http" } },
    });
    const { id, outs } = await deployments.create(props);
    const returned = Date.now();
    const log = await containerLogTail(docker, id, { lines: 10, redact: (text) => text, settled: true });
    const opened = printedWallClockMs(log);
    lags.push(returned - opened);
    await deployments.delete(id, outs);
  }
  const p50 = median(lags);
  const p95 = percentile(lags, 95);
  return `| P3 | gate detection lag, default probe period (${lags.length} runs, random 0.3–1 s start delay) | p50 ${p50.toFixed(0)} ms | p95 ${p95.toFixed(0)} ms | — | ≤ 50 / 150 ms ${p50 <= 50 && p95 <= 150 ? "met" : "missed"} |`;
}

async function persistentProps(hosts: string[]) {
  const { inputs, failures } = await persistent.check({}, {
    hosts,
    owner: { project, stack: "bench", resource: "cluster" },
    name: `${project}-node-${n++}`,
    lifetime: "persistent",
    removeOnDestroy: true,
    image: "berth.local/busybox:latest",
    readiness: { exec: { command: ["true"] }, periodSeconds: 0.02 },
  });
  if (failures?.length) throw new Error(JSON.stringify(failures));
  return inputs as Record<string, unknown>;
}

async function p6(): Promise<string> {
  if (extraHosts.length < 2) return "| P6 | PersistentContainer cold start, 3 hosts vs 1 | — | — | skipped: start 2 extra hosts (scripts/extra-hosts.sh start 2) and set BERTH_EXTRA_HOSTS | — |";
  const attachMs: Record<number, number[]> = { 1: [], 3: [] };
  const coldStart = (hosts: string[]) => async () => {
    const props = await persistentProps(hosts);
    let created: pulumi.dynamic.CreateResult | undefined;
    const ms = await timed(async () => (created = await persistent.create(props)));
    attachMs[hosts.length].push(await timed(() => persistent.create({ ...props, runToken: "attach" })));
    await persistent.delete(created!.id, created!.outs);
    return ms;
  };
  const result = await pairs(RUNS, coldStart([local, ...extraHosts.slice(0, 2)]), coldStart([local]));
  // The same ratio for raw dockerode (create, start, one exec, in parallel) shows what the machine itself allows:
  // here the "hosts" are three daemons sharing two cores.
  // Removal is outside the timing, as berth's delete is.
  const rawStart = (urls: string[]) => async () => {
    const started: Docker.Container[] = [];
    const ms = await timed(() =>
      Promise.all(
        urls.map(async (url) => {
          const d = new Docker({ socketPath: new URL(url).pathname });
          const c = await d.createContainer({ name: `${project}-raw-${n++}`, Image: "berth.local/busybox:latest", Cmd: ["sleep", "60"], Labels: { "dev.berth.project": project } });
          started.push(c);
          await c.start();
          const exec = await c.exec({ Cmd: ["true"] });
          await exec.start({ hijack: true, stdin: false }).then((s) => new Promise((r) => s.on("end", r)));
        }),
      ),
    );
    await Promise.all(started.map((c) => c.remove({ force: true })));
    return ms;
  };
  const floor = await pairs(RUNS, rawStart([local, ...extraHosts.slice(0, 2)]), rawStart([local]));
  return [
    row("P6", "PersistentContainer cold start on 3 hosts vs 1 host", result, 1.3),
    `| — | PersistentContainer attach (no launch, no provisioning): 3 hosts ${median(attachMs[3]).toFixed(0)} ms, 1 host ${median(attachMs[1]).toFixed(0)} ms | | | | |`,
    row("P6-floor", "raw dockerode create+start+exec on 3 daemons in parallel vs 1 (same machine, 2 cores)", floor, 1.3),
  ].join("\n");
}

/** What the GPU pool (daemon-side lock, holdings from labels) adds to a create. */
async function gpuLatency(): Promise<string> {
  const gpuHost = { url: local, gpus: { vendor: "intel", ids: ["0", "1", "2", "3"], devices: { "0": ["/dev/null"], "1": ["/dev/null"], "2": ["/dev/null"], "3": ["/dev/null"] } } };
  const createWith = (gpus: number) => async () => {
    const props = await deploymentProps(`gpu-${n++}`, { host: gpuHost, ports: [], readiness: undefined, command: ["sleep", "60"], gpus });
    let created: pulumi.dynamic.CreateResult | undefined;
    const ms = await timed(async () => (created = await deployments.create(props)));
    await deployments.delete(created!.id, created!.outs);
    return ms;
  };
  const result = await pairs(RUNS, createWith(1), createWith(0));
  return `| — | GPU allocation added to a Deployment create: ${(median(result.a) - median(result.b)).toFixed(0)} ms (create with 1 GPU ${median(result.a).toFixed(0)} ms vs none ${median(result.b).toFixed(0)} ms) | | | | |`;
}

async function main() {
  const only = process.env.BENCH_ONLY?.split(",");
  const rows: string[] = [];
  if (!only || only.includes("P1")) rows.push(await p1());
  if (!only || only.includes("P3")) rows.push(await p3());
  if (!only || only.includes("P6")) rows.push(await p6());
  if (!only || only.includes("GPU")) rows.push(await gpuLatency());
  console.log(["| id | measure | berth (median) | baseline (median) | ratio (min–max) | target |", "|---|---|---|---|---|---|", ...rows].join("\n"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
