import * as pulumi from "@pulumi/pulumi";
import { Deployment } from "pulumi-berth";

// `count` HTTP-gated web services on the local daemon (0 for the empty stack).
const count = new pulumi.Config().requireNumber("count");
for (let i = 0; i < count; i++) {
  new Deployment(`web-${i}`, {
    image: "berth.local/web:latest",
    ports: [{ containerPort: 80, name: "http" }],
    readiness: { httpGet: { port: "http" } },
    stopGracePeriodSeconds: 2,
  });
}
