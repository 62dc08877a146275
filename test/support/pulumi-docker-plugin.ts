import { spawn } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

/** @pulumi/docker's version the plugin stands in for; the npm package installed beside it must match. */
export const PULUMI_DOCKER_VERSION = "5.2.0";

/**
 * The `pulumi-resource-docker` plugin for @pulumi/docker 5.2.0, built once and
 * cached by version by scripts/bootstrap-docker-peers.sh: a stand-in build of
 * the same upstream (Terraform's kreuzwerker/docker) through the same bridge,
 * not the official binary, which cannot be obtained here. The build's progress
 * lines go to stderr as they come; when it fails, this throws with its output,
 * so a test that needs the plugin fails saying why.
 */
export function pulumiDockerPlugin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [path.join(ROOT, "scripts/bootstrap-docker-peers.sh"), "pulumi-docker"]);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => {
      stderr += d;
      process.stderr.write(d);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(stdout.trim().split("\n").pop()!);
      else reject(new Error(`could not obtain the pulumi-resource-docker plugin for @pulumi/docker ${PULUMI_DOCKER_VERSION} (scripts/bootstrap-docker-peers.sh pulumi-docker exited ${code}):\n${stderr}`));
    });
  });
}
