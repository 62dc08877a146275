import { execFileSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const EXTRA_HOSTS = 2;

/**
 * Docker tests and e2e tests need the daemon, the images and the compiled
 * library: `npm test` prepares them through scripts/setup.sh, and running
 * vitest directly does the same (fast, idempotent) unless BERTH_SKIP_SETUP=1.
 * Multi-host tests get two extra daemons for the whole run, under a lease:
 * their URLs are in BERTH_EXTRA_HOSTS, and they stop when the last run
 * holding a lease ends, if a run started them (other runs on the machine, a
 * benchmark, or someone who started them by hand keep theirs). The loopback
 * registries and sshd (scripts/test-services.sh) are leased the same way and
 * described by the BERTH_REGISTRY*, BERTH_SSH* variables it prints.
 */
export default function setup(): () => void {
  if (process.env.BERTH_SKIP_SETUP !== "1") execFileSync("bash", [path.join(ROOT, "scripts/setup.sh")], { stdio: "inherit" });
  const extraHosts = (command: "acquire" | "release") =>
    execFileSync("bash", [path.join(ROOT, "scripts/extra-hosts.sh"), command, String(EXTRA_HOSTS), String(process.pid)], { encoding: "utf8" }).trim();
  process.env.BERTH_EXTRA_HOSTS = extraHosts("acquire").split("\n").join(",");
  // Swarm tests start the swarm themselves (test/support/swarm.ts) under this process's lease.
  process.env.BERTH_LEASE_PID = String(process.pid);
  const testServices = (command: "acquire" | "release") =>
    execFileSync("bash", [path.join(ROOT, "scripts/test-services.sh"), command, String(process.pid)], { encoding: "utf8" });
  for (const line of testServices("acquire").trim().split("\n")) {
    const [name, value] = line.split(/=(.*)/);
    process.env[name] = value;
  }
  return () => {
    if (process.env.BERTH_KEEP_SWARM !== "1") execFileSync("bash", [path.join(ROOT, "scripts/swarm.sh"), "release", String(process.pid)], { stdio: "inherit" });
    if (process.env.BERTH_KEEP_EXTRA_HOSTS === "1") return;
    testServices("release");
    extraHosts("release");
  };
}
