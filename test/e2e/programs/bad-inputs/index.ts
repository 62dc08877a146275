import * as pulumi from "@pulumi/pulumi";
import { Deployment, Job, PersistentContainer, Volume } from "berth";

// One wrong resource per case (config `case`): `pulumi preview` must say what
// is wrong, naming the property and what to write instead, and create nothing.
// Casts stand for what a JavaScript program or stack config can pass.
const host = "unix:///var/run/docker.sock";
const web = "berth.local/web:latest";

const cases: Record<string, () => void> = {
  "bad-image": () => new Deployment("bad-image", { host, image: "Web App:latest" }),
  "bad-port": () => new Deployment("bad-port", { host, image: web, ports: [{ containerPort: 70000 }] }),
  "unpublished-probe": () => new Deployment("unpublished-probe", { host, image: web, readiness: { httpGet: { port: 8080 } } }),
  "zero-retries": () => new Deployment("zero-retries", { host, image: web, restart: { policy: "on-failure", maxRetries: 0 } }),
  "too-many-gpus": () => new Deployment("too-many-gpus", { host: { url: host, gpus: { vendor: "nvidia", ids: ["0"] } }, image: web, gpus: 2 }),
  "bad-host": () => new Deployment("bad-host", { host: "http://localhost:2375", image: web }),
  "bad-name": () => new Volume("bad-name", { host, name: "my volume" }),
  "negative-timeout": () => new Job("negative-timeout", { host, image: "berth.local/busybox:latest", timeoutSeconds: -5 }),
  "legacy-launch": () => new PersistentContainer("legacy-launch", { hosts: [host], name: "node", lifetime: "persistent", image: web, ...({ launch: true } as object) }),
  "legacy-external": () => new PersistentContainer("legacy-external", { hosts: [host], name: "node", lifetime: "external" as never }),
};

cases[new pulumi.Config().require("case")]();
