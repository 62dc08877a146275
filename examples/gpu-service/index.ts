import * as pulumi from "@pulumi/pulumi";
import { Service, type HostArgs } from "pulumi-berth";

// An inference server on a GPU host. The host and its GPUs come from stack
// config, for any vendor (docs/gpus.md), e.g.
//   pulumi config set --path 'host.url' tcp://gpu-01:2376
//   pulumi config set --path 'host.gpus.vendor' nvidia      # or amd, intel
//   pulumi config set --path 'host.gpus.ids[0]' 0
//   pulumi config set --path 'host.gpus.ids[1]' 1
// and, where a GPU's render node is not /dev/dri/renderD<128+id> (amd, intel):
//   pulumi config set --path 'host.gpus.devices["0"][0]' /dev/dri/renderD129
// GPUs are allocated exclusively: other stacks on the same host never get the same ones.
const config = new pulumi.Config();
const host = config.requireObject<HostArgs>("host");

const inference = new Service("inference", {
  hosts: { gpu: host },
  volumes: { models: {} },
  initJobs: [
    {
      name: "fetch-model",
      image: config.get("toolsImage") ?? "berth.local/busybox:latest",
      command: ["sh", "-c", "echo weights > /models/model.bin"],
      volumes: [{ source: "models", target: "/models" }],
    },
  ],
  deployment: {
    image: config.get("serverImage") ?? "berth.local/web:latest",
    gpus: config.getNumber("gpus") ?? 1,
    // What model servers need beyond the GPUs: room in /dev/shm for worker
    // processes, and locked memory for pinned buffers (-1: unlimited; the
    // daemon's own limit must allow it).
    shmSize: "2g",
    ulimits: { memlock: config.getNumber("memlock") ?? -1 },
    ports: [{ containerPort: 80, name: "http" }],
    volumes: [{ source: "models", target: "/models", readOnly: true }],
    readiness: { httpGet: { port: "http" }, deadlineSeconds: 120 },
    restart: "always",
  },
});

export const endpoint = inference.endpoints.apply((byHost) => `${byHost.gpu.http}/`);
export const gpuIds = inference.deployments.gpu.gpuIds;
export const containerName = inference.deployments.gpu.containerName;
