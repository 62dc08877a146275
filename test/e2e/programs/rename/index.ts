import * as pulumi from "@pulumi/pulumi";
import { Deployment, Volume } from "pulumi-berth";

// Driven by stack config: renamed: renames `data` and `web` with aliases and
// moves `worker` into a component; restart and adopt: in-place updates.
const config = new pulumi.Config();
const renamed = config.getBoolean("renamed") ?? false;
const restart = (config.get("restart") ?? "no") as "no" | "always";

class Group extends pulumi.ComponentResource {
  constructor(name: string) {
    super("berthtest:index:Group", name);
    this.registerOutputs({});
  }
}

const renamedFrom = (name: string): pulumi.CustomResourceOptions => (renamed ? { aliases: [{ name }] } : {});
const sleeper = { image: "berth.local/busybox:latest", command: ["sleep", "3600"], restart, stopGracePeriodSeconds: 1 };

const data = new Volume(renamed ? "data-renamed" : "data", { adopt: config.getBoolean("adopt") ?? false }, renamedFrom("data"));
const web = new Deployment(renamed ? "web-renamed" : "web", { ...sleeper, volumes: [{ source: data.volumeName, target: "/data" }] }, renamedFrom("web"));
const worker = new Deployment("worker", sleeper, renamed ? { parent: new Group("group"), aliases: [{ parent: pulumi.rootStackResource }] } : {});

export const volumeName = data.volumeName;
export const webId = web.containerId;
export const workerId = worker.containerId;
