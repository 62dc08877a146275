import * as pulumi from "@pulumi/pulumi";
import { Deployment, Volume } from "pulumi-berth";

const config = new pulumi.Config();

// A named volume: it outlives every replacement of the container that mounts it.
const site = new Volume("site");

// A web server on a host port Docker picks; `pulumi up` returns once it answers.
const web = new Deployment("web", {
  image: config.get("image") ?? "nginx:1.27-alpine",
  ports: [{ containerPort: 80, name: "http" }],
  volumes: [{ source: site.volumeName, target: "/usr/share/nginx/html" }],
  readiness: { httpGet: { port: "http", path: "/" } },
  restart: "always",
});

export const url = web.endpoints.apply((endpoints) => endpoints.http);
