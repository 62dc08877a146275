import * as pulumi from "@pulumi/pulumi";
import { Service } from "pulumi-berth";

// A puller fills a volume, then a server mounts it, gated on HTTP readiness.
// In real life the puller downloads model weights; here it writes a page.
const config = new pulumi.Config();
const release = config.get("release") ?? "v1";

const site = new Service("site", {
  volumes: { content: { labels: { example: "puller-server" } } },
  initJobs: [
    {
      name: "puller",
      image: "berth.local/busybox:latest",
      command: ["sh", "-c", `echo "<h1>release ${release}</h1>" > /content/index.html`],
      volumes: [{ source: "content", target: "/content" }],
      // Re-run the puller whenever the release changes.
      triggers: [release],
      timeoutSeconds: 120,
    },
  ],
  deployment: {
    image: "berth.local/web:latest",
    ports: [{ containerPort: 80, name: "http" }],
    volumes: [{ source: "content", target: "/www", readOnly: true }],
    readiness: { httpGet: { port: "http", path: "/index.html" }, deadlineSeconds: 60 },
    restart: "always",
  },
});

export const endpoint = site.endpoints.apply((byHost) => `${byHost.local.http}/`);
