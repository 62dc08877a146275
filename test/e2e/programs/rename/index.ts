import * as pulumi from "@pulumi/pulumi";
import { Deployment, Job, PersistentContainer, Volume } from "pulumi-berth";

// Driven by stack config: renamed: renames `data`, `web`, `fill` and `shared`
// with aliases and moves `worker` into a component; restart, adopt,
// timeoutSeconds and graceSeconds: in-place updates.
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

const fill = new Job(
  renamed ? "fill-renamed" : "fill",
  { image: "berth.local/busybox:latest", command: ["sh", "-c", "echo filled > /data/f"], volumes: [{ source: data.volumeName, target: "/data" }], timeoutSeconds: config.getNumber("timeoutSeconds") ?? 60 },
  renamedFrom("fill"),
);
const shared = new PersistentContainer(
  renamed ? "shared-renamed" : "shared",
  { name: `${pulumi.getProject()}-shared`, lifetime: "persistent", removeOnDestroy: true, image: "berth.local/busybox:latest", stopGracePeriodSeconds: config.getNumber("graceSeconds") ?? 1 },
  renamedFrom("shared"),
);

export const volumeName = data.volumeName;
export const fillCompletedAt = fill.completedAt;
export const sharedId = shared.hostResults.apply((results) => results[0].containerId);
export const webId = web.containerId;
export const workerId = worker.containerId;
