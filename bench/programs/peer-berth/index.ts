import * as pulumi from "@pulumi/pulumi";
import { Deployment } from "pulumi-berth";

// P7–P10, berth's side: `count` HTTP-gated web services. `release` is service
// 0's env (P10 changes it); the label lets the benchmark find that service's containers.
const config = new pulumi.Config();
const count = config.requireNumber("count");
const release = config.get("release") ?? "0";
for (let i = 0; i < count; i++) {
  new Deployment(`web-${i}`, {
    image: "berth.local/web:latest",
    ports: [{ containerPort: 80, name: "http" }],
    env: { RELEASE: i === 0 ? release : "0" },
    labels: { "bench.service": `${pulumi.getProject()}-${i}` },
    readiness: { httpGet: { port: "http" } },
    stopGracePeriodSeconds: 2,
  });
}
