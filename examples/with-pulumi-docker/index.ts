import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { Deployment, Job } from "pulumi-berth";

const config = new pulumi.Config();

// @pulumi/docker owns the network and pins the image; berth runs the workloads on them.
const network = new docker.Network("backend", {});
const image = new docker.RemoteImage("web-image", {
  name: config.get("image") ?? "nginx:1.27-alpine",
  // Other stacks on the host may run the same image: destroying this one leaves it.
  keepLocally: true,
});

// The API publishes no port: it answers only on the network, under its container name.
const api = new Deployment("api", {
  image: image.imageId,
  networks: [network.name],
  readiness: { exec: { command: ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1/"] } },
  stopGracePeriodSeconds: 2,
});
const apiUrl = pulumi.interpolate`http://${api.containerName}/`;

// The front is ready only once it reaches the API by name across the network.
const front = new Deployment("front", {
  image: image.imageId,
  networks: [network.name],
  ports: [{ containerPort: 80, name: "http" }],
  env: { API_URL: apiUrl, GREETING: config.get("greeting") ?? "hello" },
  readiness: {
    httpGet: { port: "http" },
    exec: { command: ["sh", "-c", 'wget -q -O /dev/null "$API_URL"'] },
  },
  stopGracePeriodSeconds: 2,
});

// A smoke test on the same network: fetches a page from the API by name.
const smoke = new Job("smoke", {
  image: image.imageId,
  networks: [network.name],
  command: ["wget", "-q", "-O", "-", apiUrl],
  timeoutSeconds: 30,
});

export const networkName = network.name;
export const apiContainer = api.containerName;
export const frontUrl = front.endpoints.apply((endpoints) => endpoints.http);
export const smokeOutput = smoke.logTail;
