import * as pulumi from "@pulumi/pulumi";
import { Deployment, Job, PersistentContainer, Volume } from "pulumi-berth";

// The stack whose state each berth release records (scripts/record-state-fixture.sh)
// for later releases to refresh and destroy (test/e2e/recorded-state.e2e.test.ts).
const project = pulumi.getProject();
const busybox = "berth.local/busybox:latest";

const data = new Volume("data", { labels: { team: "ml" } });
new Job("fill", { image: busybox, command: ["sh", "-c", "echo filled > /data/f"], volumes: [{ source: data.volumeName, target: "/data" }] });
new Deployment("web", {
  image: "berth.local/web:latest",
  env: { GREETING: "hello" },
  ports: [{ containerPort: 80, name: "http" }],
  restart: "always",
  readiness: { httpGet: { port: "http", path: "/" }, periodSeconds: 0.05, deadlineSeconds: 30 },
  stopGracePeriodSeconds: 2,
});
new PersistentContainer("shared", { name: `${project}-shared`, lifetime: "persistent", removeOnDestroy: true, image: busybox });
