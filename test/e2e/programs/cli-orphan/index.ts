import * as pulumi from "@pulumi/pulumi";
import { Deployment, Volume } from "pulumi-berth";

// `kept` and its volume reach the stack's state on the first `up`. With
// `stuck: true` the next `up` also creates `stuck`, whose readiness probe asks
// for a path the server does not have, so that `up` waits in the gate until
// the test kills it: the container is left behind, labelled but not in state.
const config = new pulumi.Config();

const data = new Volume("data", { labels: { purpose: "cli-e2e" } });

const kept = new Deployment("kept", {
  image: "berth.local/web:latest",
  ports: [{ containerPort: 80, name: "http" }],
  volumes: [{ source: data.volumeName, target: "/data" }],
  readiness: { httpGet: { port: "http", path: "/" }, periodSeconds: 0.05, deadlineSeconds: 30 },
  stopGracePeriodSeconds: 1,
});

if (config.getBoolean("stuck")) {
  new Deployment("stuck", {
    image: "berth.local/web:latest",
    ports: [{ containerPort: 80, name: "http" }],
    readiness: { httpGet: { port: "http", path: "/never-there" }, periodSeconds: 0.2, deadlineSeconds: 600 },
    stopGracePeriodSeconds: 1,
  });
}

export const keptContainerId = kept.containerId;
export const volumeName = data.volumeName;
