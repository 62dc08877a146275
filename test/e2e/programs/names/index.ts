import { Deployment, Volume } from "pulumi-berth";

// Identical resources under different names: only project, stack and resource name tell their objects apart.
const data = new Volume("data", {});
const cache = new Volume("cache", {});
const sleeper = { image: "berth.local/busybox:latest", command: ["sleep", "3600"], stopGracePeriodSeconds: 0 };
const api = new Deployment("api", sleeper);
const worker = new Deployment("worker", sleeper);

export const names = [data.volumeName, cache.volumeName, api.containerName, worker.containerName];
