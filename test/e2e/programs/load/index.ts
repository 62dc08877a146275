import * as pulumi from "@pulumi/pulumi";
import { Deployment } from "pulumi-berth";

// `count` web deployments on one host, each with an allocated port from the
// host's range and `gpus` GPUs from its inventory (config), so that several
// stacks can compete for both.
const config = new pulumi.Config();
const host = { url: config.require("hostUrl"), portRange: config.requireObject<{ from: number; to: number }>("portRange"), gpus: config.requireObject<never>("gpus") };

const deployments = Array.from({ length: config.requireNumber("count") }, (_, i) =>
  new Deployment(`web-${i}`, {
    host,
    image: "berth.local/web:latest",
    ports: [{ containerPort: 80, name: "http" }],
    gpus: config.getNumber("gpusEach") ?? 0,
    readiness: { httpGet: { port: "http" } },
    stopGracePeriodSeconds: 0,
  }),
);

export const hostPorts = pulumi.all(deployments.map((d) => d.hostPorts.apply((p) => p.http)));
export const gpuIds = pulumi.all(deployments.map((d) => d.gpuIds));
