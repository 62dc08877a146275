import * as pulumi from "@pulumi/pulumi";
import { PersistentContainer } from "pulumi-berth";

// One PersistentContainer whose large image every host pulls from a private
// registry at once: each host's pull shows its own progress.
const config = new pulumi.Config();
const node = new PersistentContainer("node", {
  hosts: config.requireObject<string[]>("hosts"),
  name: config.require("containerName"),
  lifetime: "persistent",
  removeOnDestroy: true,
  image: config.require("image"),
  registryAuth: { serverAddress: config.require("registry"), username: "berth", password: config.requireSecret("registryPassword") },
  command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"],
  stopGracePeriodSeconds: 0,
});

export const hostResults = node.hostResults;
