import * as pulumi from "@pulumi/pulumi";
import { PersistentContainer } from "pulumi-berth";

// One container on the hosts in config; lifetime, name and image from config,
// so two stacks (install and run) can share it.
const config = new pulumi.Config();

const node = new PersistentContainer("node", {
  hosts: config.requireObject<string[]>("hosts"),
  name: config.require("containerName"),
  lifetime: config.require("lifetime") as "per_run" | "persistent",
  removeOnDestroy: config.getBoolean("removeOnDestroy") ?? false,
  image: config.get("image") ?? "berth.local/busybox:latest",
  setupScript: { inline: "echo provisioned > /provisioned\n" },
  readiness: { exec: { command: ["cat", "/provisioned"] }, periodSeconds: 0.05, deadlineSeconds: 30 },
});

export const hostResults = node.hostResults;
