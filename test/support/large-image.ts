import { execFileSync } from "child_process";

/** A 300 MiB image in three layers of random bytes, built once on the default daemon and kept (building takes a while). */
export const LARGE_IMAGE = "berth.local/large-test:300m";

export function ensureLargeImage(): string {
  try {
    execFileSync("docker", ["image", "inspect", LARGE_IMAGE], { stdio: "ignore" });
  } catch {
    const dockerfile = ["FROM berth.local/busybox:latest", ...[1, 2, 3].map((n) => `RUN head -c 100m /dev/urandom > /blob${n}`)].join("\n");
    execFileSync("docker", ["build", "-q", "-t", LARGE_IMAGE, "-"], { input: `${dockerfile}\n`, stdio: ["pipe", "ignore", "inherit"] });
  }
  return LARGE_IMAGE;
}
