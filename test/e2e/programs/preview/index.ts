import * as pulumi from "@pulumi/pulumi";
import { Service, Volume } from "pulumi-berth";

// What a reviewer sees: a component with children, and a resource next to it.
const config = new pulumi.Config();

const cache = new Volume("cache", { labels: { role: "cache" } });

const api = new Service("api", {
  volumes: { content: {} },
  initJobs: [{ name: "seed", image: "berth.local/busybox:latest", command: ["sh", "-c", "echo hello > /content/index.html"], volumes: [{ source: "content", target: "/content" }] }],
  deployment: {
    image: "berth.local/web:latest",
    env: { GREETING: config.get("greeting") ?? "hello", MODE: "serve" },
    ports: [{ containerPort: 80, name: "http" }],
    volumes: [{ source: "content", target: "/www" }],
    restart: (config.get("restart") as "always" | "no" | undefined) ?? "always",
    readiness: { httpGet: { port: "http" }, periodSeconds: 0.05 },
    stopGracePeriodSeconds: 1,
  },
});

export const cacheVolume = cache.volumeName;
export const endpoints = api.endpoints;
