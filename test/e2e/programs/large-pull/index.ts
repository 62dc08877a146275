import * as pulumi from "@pulumi/pulumi";
import { Deployment } from "pulumi-berth";

// One Deployment whose image is large and in a private registry: `pulumi up`
// spends long enough in the pull to be interrupted there.
const config = new pulumi.Config();
const app = new Deployment("app", {
  host: config.require("host"),
  image: config.require("image"),
  registryAuth: { serverAddress: config.require("registry"), username: "berth", password: config.requireSecret("registryPassword") },
  command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"],
  stopGracePeriodSeconds: 0,
});

export const containerId = app.containerId;
