import * as pulumi from "@pulumi/pulumi";
import { Deployment, PersistentContainer } from "pulumi-berth";

// A Deployment on an ssh:// host and a PersistentContainer on two ssh:// hosts
// and one unix:// host; the ssh hosts' keys come from stack config, as in CI.
const config = new pulumi.Config();
const knownHosts = config.require("knownHosts");
const [webHost, nodeHostA, nodeHostB] = config.requireObject<string[]>("sshHosts").map((url) => ({ url, knownHosts }));

const web = new Deployment("web", {
  host: webHost,
  image: "berth.local/web:latest",
  ports: [{ containerPort: 80, name: "http" }],
  readiness: { httpGet: { port: "http", path: "/" }, periodSeconds: 0.05, deadlineSeconds: 30 },
  stopGracePeriodSeconds: 1,
});
const node = new PersistentContainer("node", {
  hosts: [nodeHostA, nodeHostB, config.require("unixHost")],
  name: config.require("containerName"),
  lifetime: "persistent",
  removeOnDestroy: true,
  image: "berth.local/busybox:latest",
  command: ["sh", "-c", "echo node up; trap 'exit 0' TERM; while true; do sleep 1; done"],
  // Each exec attempt over ssh opens an SSH session for its stream (see docs/hosts.md): more than the default 1 s on a loaded machine.
  readiness: { exec: { command: ["true"] }, timeoutSeconds: 5, periodSeconds: 0.05, deadlineSeconds: 30 },
});

export const endpoint = web.endpoints.apply((e) => `${e.http}/`);
export const hostResults = node.hostResults;
