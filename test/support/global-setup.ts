import { execFileSync } from "child_process";
import * as path from "path";

/**
 * Docker tests and e2e tests need the daemon, the images and the compiled
 * library. `npm test` prepares all of that through scripts/setup.sh; running
 * vitest directly re-runs the (fast, idempotent) set-up unless only unit tests
 * were asked for.
 */
export default function setup(): void {
  if (process.env.BERTH_SKIP_SETUP === "1") return;
  const root = path.resolve(__dirname, "../..");
  execFileSync("bash", [path.join(root, "scripts/setup.sh")], { stdio: "inherit" });
}
