/**
 * P-pull: a 300 MiB, three-layer image pulled from a registry on loopback by
 * berth's ensureImage (pullPolicy Always, with its progress reporting) vs
 * `docker pull` of the same reference, onto extra host 2, the image removed
 * from the host before each run. Needs the global set-up's registry and extra
 * hosts (BERTH_REGISTRY, BERTH_EXTRA_HOSTS).
 */
import { execFile, execFileSync } from "child_process";
import { promisify } from "util";
import Docker from "dockerode";
import { ensureImage } from "../provider/docker/image";
import { ensureLargeImage } from "../test/support/large-image";
import { pairs, row, timed } from "./stats";

const run = promisify(execFile);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const registry = process.env.BERTH_REGISTRY ?? "127.0.0.1:5310";
const hostUrl = (process.env.BERTH_EXTRA_HOSTS ?? "unix:///run/berth-hosts/h1/docker.sock,unix:///run/berth-hosts/h2/docker.sock").split(",")[1];
const reference = `${registry}/bench/large:1`;
const host = new Docker({ socketPath: new URL(hostUrl).pathname });

async function main(): Promise<void> {
  execFileSync("docker", ["tag", ensureLargeImage(), reference]);
  execFileSync("docker", ["push", reference], { stdio: "ignore" });
  execFileSync("docker", ["rmi", reference], { stdio: "ignore" });
  const removed = () => host.getImage(reference).remove().catch(() => undefined);
  const berth = async () => {
    await removed();
    return timed(() => ensureImage(host, reference, "Always", undefined, () => undefined));
  };
  const dockerPull = async () => {
    await removed();
    return timed(() => run("docker", ["-H", hostUrl, "pull", "-q", reference]));
  };
  const result = await pairs(runs, berth, dockerPull);
  await removed();
  console.log(row("P-pull", "pull of a 300 MiB image (3 layers) from a loopback registry: berth's ensureImage vs `docker pull`", result, 1.05));
  console.log(`runs (ms): berth ${result.a.map((t) => t.toFixed(0)).join(", ")}; docker pull ${result.b.map((t) => t.toFixed(0)).join(", ")}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
