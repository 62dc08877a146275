import * as pulumi from "@pulumi/pulumi";
import { SwarmService } from "pulumi-berth";

// Driven by stack config so that tests change one thing at a time:
//   manager: the swarm manager's URL, replicas, image, broken: new tasks that
//   exit at once, gpuPending: a second service asking for more GPUs than any node has.
const config = new pulumi.Config();

const web = new SwarmService("web", {
  host: config.require("manager"),
  image: config.get("image") ?? "berth.local/web:latest",
  replicas: config.getNumber("replicas") ?? 3,
  ...(config.getBoolean("broken") ? { command: ["sh", "-c", "echo cannot start; exit 3"] } : {}),
  env: { GREETING: "hello", TOKEN: config.requireSecret("token") },
  labels: { tier: "web" },
  readiness: { httpGet: { port: 80, path: "/index.html" }, periodSeconds: 0.2, deadlineSeconds: 60 },
  update: { parallelism: 2, monitorSeconds: 1 },
  stopGracePeriodSeconds: 1,
});

if (config.getBoolean("gpuPending")) {
  new SwarmService("trainer", {
    host: config.require("manager"),
    image: "berth.local/web:latest",
    gpus: 2,
    readiness: { exec: { command: ["true"] }, deadlineSeconds: 5 },
  });
}

export const serviceId = web.serviceId;
export const serviceName = web.serviceName;
export const runningTasks = web.runningTasks;
export const nodes = web.tasks.apply((tasks) => tasks.map((t) => t.node));
