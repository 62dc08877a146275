import { execFileSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const EXTRA_HOSTS = 2;

/**
 * Docker tests and e2e tests need the daemon, the images and the compiled
 * library: `npm test` prepares them through scripts/setup.sh, and running
 * vitest directly does the same (fast, idempotent) unless BERTH_SKIP_SETUP=1.
 * Multi-host tests get two extra daemons, started once for the whole run;
 * their URLs are in BERTH_EXTRA_HOSTS. At the end the run stops those it
 * started: hosts that already answered belong to someone else (another test
 * run, a benchmark) and keep running.
 */
export default function setup(): () => void {
  if (process.env.BERTH_SKIP_SETUP !== "1") execFileSync("bash", [path.join(ROOT, "scripts/setup.sh")], { stdio: "inherit" });
  const extraHosts = (...args: string[]) => execFileSync("bash", [path.join(ROOT, "scripts/extra-hosts.sh"), ...args], { encoding: "utf8" }).trim();
  const answeredBefore = new Set(extraHosts("answering", String(EXTRA_HOSTS)).split("\n"));
  process.env.BERTH_EXTRA_HOSTS = extraHosts("start", String(EXTRA_HOSTS)).split("\n").join(",");
  return () => {
    if (process.env.BERTH_KEEP_EXTRA_HOSTS === "1") return;
    for (let n = 1; n <= EXTRA_HOSTS; n++) if (!answeredBefore.has(String(n))) extraHosts("stop-one", String(n));
  };
}
