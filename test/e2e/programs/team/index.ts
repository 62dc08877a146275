import * as pulumi from "@pulumi/pulumi";
import { ContainerCluster, Deployment, Job, PersistentContainer, Service, Volume } from "pulumi-berth";

// A team's stack with every kind of berth resource, installed as a user
// installs berth. Container names derive from the project so that stacks of
// different test runs never meet.
const project = pulumi.getProject();
const busybox = "berth.local/busybox:latest";
const gate = { periodSeconds: 0.05, deadlineSeconds: 30 };

const data = new Volume("data", { labels: { team: "ml" } });
const fill = new Job("fill", {
  image: busybox,
  command: ["sh", "-c", "echo '<h1>filled</h1>' > /data/index.html"],
  volumes: [{ source: data.volumeName, target: "/data" }],
});
const web = new Deployment(
  "web",
  {
    image: "berth.local/web:latest",
    env: { GREETING: "hello", MODE: "serve" },
    ports: [{ containerPort: 80, name: "http" }],
    volumes: [{ source: data.volumeName, target: "/www", readOnly: true }],
    readiness: { httpGet: { port: "http", path: "/" }, ...gate },
    stopGracePeriodSeconds: 2,
  },
  { dependsOn: [fill] },
);
const api = new Service("api", {
  deployment: { image: "berth.local/web:latest", ports: [{ containerPort: 80, name: "http" }], readiness: { httpGet: { port: "http", path: "/" }, ...gate }, stopGracePeriodSeconds: 2 },
});
const shared = new PersistentContainer("shared", {
  name: `${project}-shared`,
  lifetime: "persistent",
  removeOnDestroy: true,
  image: busybox,
  setupScript: { inline: "echo provisioned > /provisioned\n" },
  readiness: { exec: { command: ["cat", "/provisioned"] }, ...gate },
});
const watched = new PersistentContainer("watched", { name: `${project}-shared`, lifetime: "no_launch" }, { dependsOn: [shared] });
const cluster = new ContainerCluster("cluster", {
  hosts: { local: process.env.DOCKER_HOST || "unix:///var/run/docker.sock" },
  name: `${project}-cluster`,
  lifetime: "persistent",
  removeOnDestroy: true,
  image: busybox,
});

export const endpoint = web.endpoints.apply((e) => `${e.http}/`);
export const apiEndpoints = api.endpoints;
export const sharedActions = shared.hostResults.apply((results) => results.map((r) => r.action));
export const watchedActions = watched.hostResults.apply((results) => results.map((r) => r.action));
export const clusterActions = cluster.actions;
