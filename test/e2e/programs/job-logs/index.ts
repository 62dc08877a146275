import * as pulumi from "@pulumi/pulumi";
import { Job, Volume } from "pulumi-berth";

// A job that a new `release` re-runs (a replacement: the new run is created
// before the old one is deleted), mounting a volume as a migration would.
const release = new pulumi.Config().require("release");

const data = new Volume("data", {});

new Job("migrate", {
  image: "berth.local/busybox:latest",
  command: ["sh", "-c", "echo migrating to $RELEASE; echo schema ok >&2; echo $RELEASE > /data/release"],
  env: { RELEASE: release },
  volumes: [{ source: data.volumeName, target: "/data" }],
});

