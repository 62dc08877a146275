import { execFileSync } from "child_process";

/**
 * An image of `mib` MiB of random bytes in layers of at most 100 MiB, on
 * busybox, built once on the default daemon and kept (building takes a while).
 */
export function ensureLargeImage(mib = 300): string {
  const tag = `berth.local/large-test:${mib}m`;
  try {
    execFileSync("docker", ["image", "inspect", tag], { stdio: "ignore" });
  } catch {
    const layers = Array.from({ length: Math.ceil(mib / 100) }, (_, i) => Math.min(100, mib - i * 100));
    const dockerfile = ["FROM berth.local/busybox:latest", ...layers.map((size, i) => `RUN head -c ${size}m /dev/urandom > /blob${i + 1}`)].join("\n");
    execFileSync("docker", ["build", "-q", "-t", tag, "-"], { input: `${dockerfile}\n`, stdio: ["pipe", "ignore", "inherit"] });
  }
  return tag;
}
