import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { ContainerCluster, type HostArgs } from "pulumi-berth";

// Hosts come from stack config, e.g.
//   pulumi config set --path 'hosts.gpu-01.url' tcp://10.0.0.11:2376
//   pulumi config set --path 'hosts.gpu-02.url' ssh://ops@10.0.0.12
// Without config: the local daemon only.
const config = new pulumi.Config();
const hosts = config.getObject<Record<string, HostArgs>>("hosts") ?? { local: { url: "unix:///var/run/docker.sock" } };

const trainer = new ContainerCluster("trainer", {
  hosts,
  name: config.get("containerName") ?? "berth-example-trainer",
  lifetime: "persistent",
  // Keep it running between stacks; remove it on destroy only in this example.
  removeOnDestroy: config.getBoolean("removeOnDestroy") ?? true,
  image: "berth.local/busybox:latest",
  setupScript: { path: path.join(__dirname, "setup.sh"), timeoutSeconds: 300 },
  readiness: { exec: { command: ["cat", "/opt/cluster/status"] }, periodSeconds: 0.2, deadlineSeconds: 60 },
  labels: { example: "two-host-cluster" },
});

export const containerIds = trainer.containerIds;
export const actions = trainer.actions;
