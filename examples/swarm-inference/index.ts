import * as pulumi from "@pulumi/pulumi";
import { SwarmService } from "pulumi-berth";

// The swarm manager comes from stack config:
//   pulumi config set manager tcp://gpu-manager:2376
// Each node offers its GPUs to the swarm itself, in its daemon.json:
//   "node-generic-resources": ["gpu=GPU-3f2a…", "gpu=GPU-7c01…"]
// and the swarm, not this program, decides which node runs which replica.
//
// The model plan: `models` is a named volume, which the swarm creates on each
// node a task lands on. The first task on a node fetches the model into it
// (written aside and renamed, so a half-written file is never seen); later
// tasks on that node, a rescheduled task included, find it there. A task is
// ready only when the model is in place and the server answers.
const config = new pulumi.Config();
const fetchModel = config.get("fetchModel") ?? "echo weights > /models/model.bin.part && mv /models/model.bin.part /models/model.bin";

const inference = new SwarmService("inference", {
  host: config.require("manager"),
  image: config.get("serverImage") ?? "berth.local/web:latest",
  replicas: config.getNumber("replicas") ?? 3,
  gpus: config.getNumber("gpusPerReplica") ?? 1,
  volumes: [{ source: "models", target: "/models" }],
  command: [
    "sh",
    "-c",
    `test -f /models/model.bin || { ${fetchModel}; }; echo "$DOCKER_RESOURCE_GPU" > /www/gpu.txt; ` +
      "trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait",
  ],
  // One replica per node: the swarm places a task only where a GPU is free.
  placement: { spread: ["node.id"] },
  memory: "256m",
  readiness: { httpGet: { port: 80, path: "/gpu.txt" }, periodSeconds: 0.5, deadlineSeconds: 180 },
  update: { parallelism: 1, order: "start-first", failureAction: "rollback" },
  stopGracePeriodSeconds: 5,
});

export const serviceName = inference.serviceName;
export const runningTasks = inference.runningTasks;
export const nodes = inference.tasks.apply((tasks) => tasks.map((t) => t.node).sort());
export const gpus = inference.tasks.apply((tasks) => tasks.flatMap((t) => t.gpus).sort());
