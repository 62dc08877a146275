import { execFileSync } from "child_process";
import Docker from "dockerode";
import { BenchStack } from "./stack";
import { median, pairs, row, timed, type Paired } from "./stats";

// S1, S2: a SwarmService through `pulumi up` vs the docker CLI on the same
// 3-node swarm (scripts/swarm.sh), the same service spec on both sides:
// 30 replicas without a healthcheck (30 of them every second overload two
// cores: tasks time out and flap), updates 10 at a time with 1 s of
// monitoring. S0 is the engine's fixed cost: an `up` with nothing to do, run
// right after each berth side, so that S1′ and S2′ subtract it run by run
// (medians of S0 taken minutes apart on a shared machine drift by seconds).
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 30);
const IMAGES = ["berth.local/web:latest", "berth.local/drainer:latest"];
const manager = process.env.BERTH_SWARM_MANAGER ?? "unix:///run/berth-swarm/n1/docker.sock";
const docker = new Docker({ socketPath: new URL(manager).pathname });

function cli(args: string[]): void {
  execFileSync("docker", args, { env: { ...process.env, DOCKER_HOST: manager }, stdio: ["ignore", "ignore", "inherit"] });
}

async function runningOf(name: string, image: string): Promise<number> {
  const tasks = await docker.listTasks({ filters: { service: [name], "desired-state": ["running"] } });
  return tasks.filter((t) => t.Status?.State === "running" && t.Spec?.ContainerSpec?.Image === image).length;
}

async function untilRunning(name: string, image: string): Promise<void> {
  while ((await runningOf(name, image)) < REPLICAS) await new Promise((r) => setTimeout(r, 250));
}

const SERVICE_FLAGS = ["--replicas", String(REPLICAS), "--no-resolve-image", "--stop-grace-period", "1s", "--update-parallelism", "10", "--update-monitor", "1s", "--update-order", "start-first", "--update-failure-action", "rollback"];

/** The berth side of each pair less the no-op `up` run right after it; the warm-up's no-op is dropped, as pairs drops the warm-up. */
function withoutFixedCost(p: Paired, idle: number[]): Paired {
  const share = p.a.map((t, i) => t - idle[i + 1]);
  return { a: share, b: p.b, ratios: share.map((t, i) => t / p.b[i]) };
}

async function main(): Promise<void> {
  const stack = new BenchStack("swarm", "swarm", { manager, image: IMAGES[0], replicas: String(REPLICAS) });
  const raw = `bench-swarm-raw-${process.pid}`;
  const idleAfterCreate: number[] = [];
  const idleAfterUpdate: number[] = [];
  try {
    const create = await pairs(
      RUNS,
      async () => {
        const t = await timed(async () => stack.up());
        idleAfterCreate.push(await timed(async () => stack.up()));
        stack.destroy();
        return t;
      },
      async () => {
        const t = await timed(async () => {
          cli(["service", "create", "-d", "-q", "--name", raw, ...SERVICE_FLAGS, IMAGES[0]]);
          await untilRunning(raw, IMAGES[0]);
        });
        const { ID } = await docker.getService(raw).inspect();
        cli(["service", "rm", raw]);
        // As berth's destroy does: the next create starts on an idle swarm.
        while ((await docker.listTasks()).some((task) => task.ServiceID === ID)) await new Promise((r) => setTimeout(r, 250));
        return t;
      },
    );

    stack.up();
    cli(["service", "create", "-d", "-q", "--name", raw, ...SERVICE_FLAGS, IMAGES[0]]);
    await untilRunning(raw, IMAGES[0]);
    let berthImage = 0;
    let rawImage = 0;
    const update = await pairs(
      RUNS,
      async () => {
        berthImage = 1 - berthImage;
        stack.pulumi(["config", "set", "image", IMAGES[berthImage]]);
        const t = await timed(async () => stack.up());
        idleAfterUpdate.push(await timed(async () => stack.up()));
        return t;
      },
      async () => {
        rawImage = 1 - rawImage;
        // `docker service update` waits until the update converged, as `pulumi up` does.
        return timed(async () => cli(["service", "update", "-q", "--no-resolve-image", "--image", IMAGES[rawImage], raw]));
      },
    );

    const idle = [...idleAfterCreate.slice(1), ...idleAfterUpdate.slice(1)];
    console.log(row("S1", `\`pulumi up\` of a SwarmService, ${REPLICAS} replicas over 3 nodes, vs \`docker service create\` + loop until ${REPLICAS} tasks run`, create, 1.2));
    console.log(row("S2", `rolling image update of it vs \`docker service update --image\``, update, 1.1));
    console.log(row("S1′", "S1 less the no-op `up` (S0) run right after it: berth's share", withoutFixedCost(create, idleAfterCreate), 1.2));
    console.log(row("S2′", "S2 less the no-op `up` (S0) run right after it: berth's share", withoutFixedCost(update, idleAfterUpdate), 1.1));
    console.log(`| S0 | the engine's fixed cost: \`pulumi up\` of that stack with nothing to change | ${median(idle).toFixed(0)} ms (${Math.min(...idle).toFixed(0)}–${Math.max(...idle).toFixed(0)}) | — | — | stated apart |`);
  } finally {
    await docker.getService(raw).remove().catch(() => undefined);
    stack.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
