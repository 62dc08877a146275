import * as pulumi from "@pulumi/pulumi";
import { SwarmService } from "pulumi-berth";

// One service of `replicas` tasks over the swarm, optionally absent (the engine's fixed cost).
const config = new pulumi.Config();
if (config.getBoolean("present") ?? true) {
  new SwarmService("web", {
    host: config.require("manager"),
    image: config.require("image"),
    replicas: config.requireNumber("replicas"),
    update: { parallelism: 10, monitorSeconds: 1 },
    stopGracePeriodSeconds: 1,
  });
}
