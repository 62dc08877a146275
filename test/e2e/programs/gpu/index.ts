import * as pulumi from "@pulumi/pulumi";
import { Deployment } from "pulumi-berth";

// A workload asking for GPUs from a host inventory given in config (intel,
// with device nodes the test made with mknod).
const config = new pulumi.Config();

const worker = new Deployment("worker", {
  host: { url: config.require("hostUrl"), gpus: config.requireObject("gpus") },
  image: "berth.local/busybox:latest",
  command: ["sleep", "600"],
  gpus: config.requireNumber("count"),
  stopGracePeriodSeconds: 0,
});

export const gpuIds = worker.gpuIds;
