import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";

// P7–P10, @pulumi/docker 5.2.0's side (its plugin is a stand-in build of the
// same upstream through the same bridge, not the official binary): the same
// services as peer-berth, gated by a healthcheck (every 100 ms unless
// `healthInterval` says otherwise) and `wait`.
const config = new pulumi.Config();
const count = config.requireNumber("count");
const release = config.get("release") ?? "0";
const interval = config.get("healthInterval") ?? "100ms";
for (let i = 0; i < count; i++) {
  new docker.Container(`web-${i}`, {
    image: "berth.local/web:latest",
    ports: [{ internal: 80 }],
    envs: [`RELEASE=${i === 0 ? release : "0"}`],
    labels: [{ label: "bench.service", value: `${pulumi.getProject()}-${i}` }],
    healthcheck: { tests: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1/"], interval, timeout: "1s", retries: 1000 },
    wait: true,
    waitTimeout: 120,
    destroyGraceSeconds: 2,
  });
}
