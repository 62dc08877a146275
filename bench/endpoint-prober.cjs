// Requests a service's endpoint every 50 ms, as a client that resolves the
// service to whichever of its containers is running (a load balancer, service
// discovery) does, and counts the requests no container answered. The service's
// containers carry the label bench.service=ARGV[2]. Prints "ready" once the first
// request is answered; on SIGTERM prints {"ok", "failed", "longestGapMs"}.
// Run by bench/peers-bench.ts (P10) in a process of its own, so that it keeps
// requesting while the benchmark waits on a `pulumi up` or `terraform apply`.
const http = require("http");
const Docker = require("dockerode");

const service = process.argv[2];
const docker = new Docker({ socketPath: "/var/run/docker.sock" });
const counts = { ok: 0, failed: 0, longestGapMs: 0 };
let failingSince;
let ready = false;

function get(port) {
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/", timeout: 500 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(false));
  });
}

async function answered() {
  const containers = await docker.listContainers({ filters: { label: [`bench.service=${service}`], status: ["running"] } });
  for (const container of containers) {
    const port = container.Ports.find((p) => p.PrivatePort === 80 && p.PublicPort)?.PublicPort;
    if (port && (await get(port))) return true;
  }
  return false;
}

process.on("SIGTERM", () => {
  if (failingSince !== undefined) counts.longestGapMs = Math.max(counts.longestGapMs, Date.now() - failingSince);
  process.stdout.write(`${JSON.stringify(counts)}\n`, () => process.exit(0));
});

(async () => {
  for (;;) {
    const ok = await answered().catch(() => false);
    const now = Date.now();
    if (ok) {
      counts.ok++;
      if (failingSince !== undefined) counts.longestGapMs = Math.max(counts.longestGapMs, now - failingSince);
      failingSince = undefined;
      if (!ready) {
        ready = true;
        process.stdout.write("ready\n");
      }
    } else if (ready) {
      counts.failed++;
      failingSince ??= now;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
})();
