import * as pulumi from "@pulumi/pulumi";
import { Deployment } from "pulumi-berth";

// Driven by stack config so that tests change one thing at a time:
//   greeting: an env value (replacement), restart: restart policy (in place),
//   extraPort: adds a port, token: a secret env value.
const config = new pulumi.Config();

const ports: Array<{ containerPort: number; name?: string }> = [{ containerPort: 80, name: "http" }];
if (config.getBoolean("extraPort")) ports.push({ containerPort: 8080 });

const web = new Deployment("web", {
  image: "berth.local/web:latest",
  env: {
    GREETING: config.get("greeting") ?? "hello",
    ORDERED_B: "b",
    ORDERED_A: "a",
    TOKEN: config.requireSecret("token"),
  },
  labels: { tier: "web", team: "platform" },
  // Never used for a pull here (the image is local), but stored: it must stay secret.
  registryAuth: { serverAddress: "registry.example:5000", username: "ci", password: config.requireSecret("registryPassword") },
  ports,
  restart: (config.get("restart") as "always" | "no" | undefined) ?? "always",
  readiness: { httpGet: { port: "http", path: "/" }, periodSeconds: 0.05, deadlineSeconds: 30 },
  stopGracePeriodSeconds: 2,
});

export const containerId = web.containerId;
export const containerName = web.containerName;
export const endpoint = web.endpoints.apply((e) => `${e.http}/`);
export const hostPorts = web.hostPorts;
export const startedAt = web.startedAt;
