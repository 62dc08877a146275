import * as pulumi from "@pulumi/pulumi";
import { Deployment, Job, PersistentContainer } from "pulumi-berth";

// A Deployment, a Job and a PersistentContainer pulling one image from a
// private registry, with the registry's password as a secret.
const config = new pulumi.Config();
const hosts = config.requireObject<string[]>("hosts");
const image = config.require("image");
const registryAuth = { serverAddress: config.require("registry"), username: "berth", password: config.requireSecret("registryPassword") };

const web = new Deployment("web", {
  host: hosts[0],
  image,
  registryAuth,
  ports: [{ containerPort: 80, name: "http" }],
  readiness: { httpGet: { port: "http", path: "/" }, periodSeconds: 0.05, deadlineSeconds: 30 },
  stopGracePeriodSeconds: 1,
});
const check = new Job("check", { host: hosts[1 % hosts.length], image, registryAuth, command: ["true"] });
const node = new PersistentContainer("node", {
  hosts,
  name: config.require("containerName"),
  lifetime: "persistent",
  removeOnDestroy: true,
  image,
  registryAuth,
  readiness: { exec: { command: ["true"] }, periodSeconds: 0.05, deadlineSeconds: 30 },
});

export const endpoint = web.endpoints.apply((e) => `${e.http}/`);
export const jobExitCode = check.exitCode;
export const hostResults = node.hostResults;
