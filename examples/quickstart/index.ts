import { Deployment, Volume } from "pulumi-berth";

// Everything runs on the local Docker daemon (DOCKER_HOST or the default socket).

// A named volume for the site's content. Docker fills an empty named volume
// with the image's files on first mount, so it starts with berth's page.
const content = new Volume("content", { labels: { example: "quickstart" } });

// A small web server, published on a host port Docker picks, and gated on an
// HTTP probe: `pulumi up` returns only once the endpoint answers.
const web = new Deployment("web", {
  image: "berth.local/web:latest",
  ports: [{ containerPort: 80, name: "http" }],
  volumes: [{ source: content.volumeName, target: "/www" }],
  readiness: { httpGet: { port: "http", path: "/" }, deadlineSeconds: 30 },
  restart: "always",
  labels: { example: "quickstart" },
});

export const volumeName = content.volumeName;
export const containerName = web.containerName;
export const endpoint = web.endpoints.apply((endpoints) => `${endpoints.http}/`);
