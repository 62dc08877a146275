import * as pulumi from "@pulumi/pulumi";
import { Deployment } from "pulumi-berth";

// `count` deployments of a server whose PID 1 ignores SIGTERM, so that every
// stop waits out `grace`. `generation` is an env value (a replacement),
// `running` the desired state (an in-place stop or start).
const config = new pulumi.Config();

export const containerIds = Array.from({ length: config.getNumber("count") ?? 1 }, (_, i) =>
  new Deployment(`stubborn-${i}`, {
    image: "berth.local/stubborn:latest",
    env: { GENERATION: config.get("generation") ?? "1" },
    running: config.getBoolean("running") ?? true,
    stopGracePeriodSeconds: config.requireNumber("grace"),
  }).containerId,
);
