import * as pulumi from "@pulumi/pulumi";
import { Volume } from "pulumi-berth";

// `count` resources of one `kind`: berth Volumes, or dynamic resources that do
// nothing. `trivial` ones have one property; the `-shaped` ones have the
// properties of a berth Volume or of the Deployment in the services program,
// to tell the engine's and SDK's cost per property from berth's own.
const config = new pulumi.Config();
const count = config.requireNumber("count");
const kind = config.require("kind");

const nothing: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: inputs.owner?.resource ?? String(inputs.index), outs: inputs };
  },
};

class DoNothing extends pulumi.dynamic.Resource {
  constructor(name: string, props: Record<string, unknown>) {
    super(nothing, name, props, {}, "bench", "DoNothing");
  }
}

const common = (name: string) => ({
  host: { url: "unix:///var/run/docker.sock" },
  owner: { project: pulumi.getProject(), stack: pulumi.getStack(), resource: name },
});
const outputs = (...names: string[]) => Object.fromEntries(names.map((n) => [n, undefined]));

const shapes: Record<string, (name: string) => Record<string, unknown>> = {
  "volume-shaped": (name) => ({ labels: { bench: "p4" }, ...common(name), ...outputs("volumeName", "mountpoint", "adopted") }),
  "deployment-shaped": (name) => ({
    image: "berth.local/web:latest",
    ports: [{ containerPort: 80, name: "http" }],
    readiness: { httpGet: { port: "http" } },
    stopGracePeriodSeconds: 2,
    ...common(name),
    ...outputs("containerId", "containerName", "imageId", "hostPorts", "endpoints", "state", "startedAt", "gpuIds"),
  }),
};

for (let i = 0; i < count; i++) {
  const name = `${kind}-${i}`;
  if (kind === "volume") new Volume(name, { labels: { bench: "p4" } });
  else if (kind === "trivial") new DoNothing(name, { index: i });
  else new DoNothing(name, shapes[kind](name));
}
