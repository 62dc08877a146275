import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { dockerClient } from "../../../provider/docker/client";
import { hostSchema } from "../../../provider/host/host-schema";
import { extraHostUrls } from "../../support/docker";

const ROOT = path.resolve(__dirname, "../../..");
const PIDFILE = "/run/berth-hosts/h2/dockerd.pid";

/** Stops the second extra host's daemon as `systemctl restart docker` would, and starts it again. */
async function restartDaemon(): Promise<void> {
  const pid = Number(fs.readFileSync(PIDFILE, "utf8"));
  process.kill(pid, "SIGTERM");
  const alive = () => fs.existsSync(`/proc/${pid}`) && /^State:\s+[^Z]/m.test(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  for (let i = 0; i < 1000 && alive(); i++) await new Promise((r) => setTimeout(r, 20));
  // Blocking, as a busy provider may be: the old connection's close is not read before the next request.
  execFileSync("bash", [path.join(ROOT, "scripts/extra-hosts.sh"), "start", "2"], { stdio: "ignore" });
}

afterAll(() => {
  execFileSync("bash", [path.join(ROOT, "scripts/extra-hosts.sh"), "start", "2"], { stdio: "ignore" });
});

describe("a daemon restarted while the provider process lives", () => {
  it("answers the provider's next request on the same client, with no stale connection in the way", async () => {
    const docker = dockerClient(hostSchema.parse({ url: extraHostUrls()[1] }));
    for (let round = 1; round <= 3; round++) {
      await docker.ping();
      await restartDaemon();
      await expect(docker.ping(), `round ${round}`).resolves.toBeTruthy();
    }
  });
});
