import * as pulumi from "@pulumi/pulumi";
import { Volume } from "berth";

// `count` berth Volumes, or as many dynamic resources that do nothing, for a
// no-op preview. `trivial` ones have one property; `shaped` ones have the
// same properties as the berth Volume, to tell the engine's and SDK's cost
// per property from berth's own.
const config = new pulumi.Config();
const count = config.requireNumber("count");
const kind = config.require("kind");

const nothing: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: String(inputs.index ?? inputs.owner.resource), outs: inputs };
  },
};

class Trivial extends pulumi.dynamic.Resource {
  constructor(name: string, props: Record<string, unknown>) {
    super(nothing, name, props, {}, "bench", "Trivial");
  }
}

const volumeShaped = (name: string) => ({
  labels: { bench: "p4" },
  host: { url: "unix:///var/run/docker.sock" },
  owner: { project: pulumi.getProject(), stack: pulumi.getStack(), resource: name },
  volumeName: undefined,
  mountpoint: undefined,
  specHash: undefined,
  adopted: undefined,
});

for (let i = 0; i < count; i++) {
  if (kind === "berth") new Volume(`volume-${i}`, { labels: { bench: "p4" } });
  else if (kind === "shaped") new Trivial(`shaped-${i}`, volumeShaped(`shaped-${i}`));
  else new Trivial(`trivial-${i}`, { index: i });
}
