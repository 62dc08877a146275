import * as pulumi from "@pulumi/pulumi";
import { Deployment, Network } from "pulumi-berth";

// Three networks and a container on them in the order stack config gives
// ("a,b,c"), plus a network nothing uses.
const order = (new pulumi.Config().get("order") ?? "a,b,c").split(",");
const networks = Object.fromEntries(["a", "b", "c"].map((key) => [key, new Network(key, { labels: { purpose: "e2e" } })]));
const spare = new Network("spare", { internal: true });

const app = new Deployment("app", {
  image: "berth.local/busybox:latest",
  command: ["sleep", "3600"],
  stopGracePeriodSeconds: 0,
  networks: order.map((key) => networks[key].networkName),
});

export const networkNames = Object.fromEntries(Object.entries(networks).map(([key, n]) => [key, n.networkName]));
export const spareName = spare.networkName;
export const containerId = app.containerId;
