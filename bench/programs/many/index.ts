import * as pulumi from "@pulumi/pulumi";
import { Volume } from "berth";

// `count` berth Volumes, or as many dynamic resources that do nothing, for a no-op preview.
const config = new pulumi.Config();
const count = config.requireNumber("count");

const nothing: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: String(inputs.index), outs: inputs };
  },
};

class Trivial extends pulumi.dynamic.Resource {
  constructor(name: string, index: number) {
    super(nothing, name, { index }, {}, "bench", "Trivial");
  }
}

for (let i = 0; i < count; i++) {
  if (config.require("kind") === "berth") new Volume(`volume-${i}`, { labels: { bench: "p4" } });
  else new Trivial(`trivial-${i}`, i);
}
