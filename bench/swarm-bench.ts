import { execFileSync } from "child_process";
import Docker from "dockerode";
import { BenchStack } from "./stack";
import { median, pairs, row, timed } from "./stats";

// S1, S2: a SwarmService through `pulumi up` vs the docker CLI on the same
// 3-node swarm (scripts/swarm.sh), the same service spec on both sides:
// 30 replicas without a healthcheck (30 of them every second overload two
// cores: tasks time out and flap), updates 10 at a time with 1 s of
// monitoring. berth's gate then also waits 1 s of every task running, which
// the loop does not. S0 is the engine's fixed cost: an `up` with nothing to do.
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

async function main(): Promise<void> {
  const stack = new BenchStack("swarm", "swarm", { manager, image: IMAGES[0], replicas: String(REPLICAS) });
  const raw = `bench-swarm-raw-${process.pid}`;
  try {
    const create = await pairs(
      RUNS,
      async () => {
        const t = await timed(async () => stack.up());
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
        return timed(async () => stack.up());
      },
      async () => {
        rawImage = 1 - rawImage;
        // `docker service update` waits until the update converged, as `pulumi up` does.
        return timed(async () => cli(["service", "update", "-q", "--no-resolve-image", "--image", IMAGES[rawImage], raw]));
      },
    );

    const idle: number[] = [];
    for (let i = 0; i < RUNS; i++) idle.push(await timed(async () => stack.up()));

    console.log(row("S1", `\`pulumi up\` of a SwarmService, ${REPLICAS} replicas over 3 nodes, vs \`docker service create\` + loop until ${REPLICAS} tasks run`, create, 1.2));
    console.log(row("S2", `rolling image update of it vs \`docker service update --image\``, update, 1.1));
    console.log(`| S0 | the engine's fixed cost: \`pulumi up\` of that stack with nothing to change | ${median(idle).toFixed(0)} ms | — | — | stated apart |`);
  } finally {
    await docker.getService(raw).remove().catch(() => undefined);
    stack.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
