import * as pulumi from "@pulumi/pulumi";
import {
  ContainerCluster,
  Deployment,
  Job,
  PersistentContainer,
  Service,
  Volume,
  type DeploymentState,
  type HostAction,
  type HostArgs,
  type Lifetime,
  type ReadinessArgs,
  type SetupScriptArgs,
} from "pulumi-berth";

// A user's stack program written against berth's published types: every
// resource and component, values that come from other resources and config,
// secrets, and every readiness probe kind. It is type-checked, never run.
const config = new pulumi.Config();
const apiPort: pulumi.Output<number> = pulumi.output(config.getNumber("apiPort") ?? 8080);
const gpuHost: HostArgs = {
  url: "tcp://gpu-01:2376",
  tls: { ca: config.requireSecret("ca"), cert: config.requireSecret("cert"), key: config.requireSecret("key") },
  portRange: { from: 30000, to: 30999 },
  gpus: { vendor: "nvidia", ids: ["0", 1] },
  probeAddress: "gpu-01.internal",
};
const registryAuth = { serverAddress: "registry.example.com:5000", username: "ci", password: config.requireSecret("registryPassword") };

const models = new Volume("models", { host: gpuHost, driver: "local", labels: { team: "ml" } });
const pull = new Job("pull", {
  host: gpuHost,
  image: "registry.example.com:5000/tools/puller:1.2",
  registryAuth,
  env: { TOKEN: config.requireSecret("hfToken"), MODEL: "small" },
  volumes: [{ source: models.volumeName, target: "/models" }],
  timeoutSeconds: 900,
  backoffLimit: 2,
  successExitCodes: [0, 3],
  triggers: [config.get("modelVersion") ?? "v1"],
  logTailLines: 50,
});

const gate: ReadinessArgs = {
  httpGet: { port: "http", path: "/healthz", scheme: "HTTP", headers: [{ name: "Authorization", value: config.requireSecret("probeToken") }] },
  tcpSocket: { port: apiPort },
  exec: { command: ["cat", "/tmp/ready"] },
  logLine: { pattern: "listening on port \\d+", times: 1 },
  dockerHealthcheck: true,
  periodSeconds: 0.2,
  failureThreshold: 30,
  deadlineSeconds: 120,
};
const api = new Deployment(
  "api",
  {
    host: gpuHost,
    image: "registry.example.com:5000/team/api:1.4",
    pullPolicy: "Always",
    registryAuth,
    command: ["serve", "--port", apiPort.apply(String)],
    env: { MODEL_DIR: "/models", DB_PASSWORD: config.requireSecret("dbPassword") },
    ports: [{ containerPort: apiPort, name: "http" }, { containerPort: 9125, protocol: "udp" }],
    volumes: [{ source: models.volumeName, target: "/models", readOnly: true }],
    cpus: 2,
    memory: "4g",
    gpus: 1,
    labels: { team: "ml" },
    user: "1000:1000",
    workdir: "/app",
    restart: { policy: "on-failure", maxRetries: 5 },
    stopGracePeriodSeconds: 30,
    readiness: gate,
    sidecars: [{ name: "metrics", image: "prom/statsd-exporter:v0.27.1" }],
  },
  { dependsOn: [pull] },
);

const web = new Service("web", {
  hosts: { local: "unix:///var/run/docker.sock", gpu: gpuHost },
  volumes: { www: { labels: { team: "web" } } },
  initJobs: [{ name: "fill", image: "alpine:3.20", command: ["sh", "-c", "echo hi > /www/index.html"], volumes: [{ source: "www", target: "/www" }] }],
  deployment: {
    image: "nginx:1.27",
    ports: [{ containerPort: 80, name: "http", hostPort: 8080 }],
    volumes: [{ source: "www", target: "/usr/share/nginx/html", readOnly: true }],
    restart: "always",
    readiness: { httpGet: { port: "http" } },
  },
});

const lifetime: Lifetime = config.get("keep") === "yes" ? "persistent" : "per_run";
const setupScript: SetupScriptArgs = { inline: "apt-get update\n", timeoutSeconds: 300, shell: "/bin/bash" };
const nodes = new PersistentContainer("nodes", {
  hosts: ["ssh://ml@gpu-01", gpuHost],
  name: "ray-node",
  lifetime,
  image: "rayproject/ray:2.40.0",
  removeOnDestroy: lifetime === "persistent",
  setupScript,
  readiness: { exec: { command: ["ray", "status"] } },
  devices: [{ hostPath: "/dev/fuse" }],
  networkMode: "host",
  shmSize: "8g",
  ipc: "host",
  ulimits: [{ name: "nofile", soft: 65536, hard: 65536 }],
});
const cluster = new ContainerCluster("cluster", {
  hosts: { gpu01: "ssh://ml@gpu-01", gpu02: gpuHost },
  name: "ray-head",
  lifetime: "no_launch",
});

function describe(action: HostAction): string {
  switch (action) {
    case "verified":
      return "already running";
    case "launched":
      return "started by this stack";
    case "attached":
      return "shared with another stack";
  }
}

export const apiState: pulumi.Output<DeploymentState> = api.state;
export const apiUp = api.state.apply((state) => state === "running" || state === "restarting");
export const apiStartedAt: pulumi.Output<string | undefined> = api.startedAt;
export const apiUrl = api.endpoints.apply((endpoints) => endpoints.http);
export const webUrls = web.endpoints;
export const pulled = pulumi.all([pull.exitCode, pull.attempts, pull.durationMs]).apply(([code, attempts, ms]) => `${code} after ${attempts} attempt(s), ${ms} ms`);
export const nodeActions = nodes.hostResults.apply((results) => results.map((r) => `${r.host}: ${describe(r.action)}`));
export const nodeLifetime: pulumi.Output<Lifetime> = nodes.lifetime;
export const clusterActions = cluster.actions.apply((actions) => Object.values(actions).map(describe));
export const modelsMount = models.mountpoint;
