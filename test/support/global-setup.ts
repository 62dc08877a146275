import { execFileSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const EXTRA_HOSTS = 2;

/**
 * Docker tests and e2e tests need the daemon, the images and the compiled
 * library: `npm test` prepares them through scripts/setup.sh, and running
 * vitest directly does the same (fast, idempotent) unless BERTH_SKIP_SETUP=1.
 * Multi-host tests get two extra daemons, started once for the whole run and
 * stopped at its end; their URLs are in BERTH_EXTRA_HOSTS.
 */
export default function setup(): () => void {
  if (process.env.BERTH_SKIP_SETUP !== "1") execFileSync("bash", [path.join(ROOT, "scripts/setup.sh")], { stdio: "inherit" });
  const urls = execFileSync("bash", [path.join(ROOT, "scripts/extra-hosts.sh"), "start", String(EXTRA_HOSTS)], { encoding: "utf8" }).trim().split("\n");
  process.env.BERTH_EXTRA_HOSTS = urls.join(",");
  return () => {
    if (process.env.BERTH_KEEP_EXTRA_HOSTS !== "1") execFileSync("bash", [path.join(ROOT, "scripts/extra-hosts.sh"), "stop", String(EXTRA_HOSTS)]);
  };
}
