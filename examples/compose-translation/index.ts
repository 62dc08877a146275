import { Deployment, Network, Volume } from "pulumi-berth";

// compose.yaml in this folder, service by service (docs/compose.md).
const backend = new Network("backend");
const dbData = new Volume("db-data");
const workerData = new Volume("worker-data");

// depends_on with `condition: service_healthy` is the healthcheck plus a
// `dependsOn`: a Deployment with a healthcheck and no `readiness` is created
// only once Docker reports it healthy, so whatever depends on it waits.
const db = new Deployment("db", {
  image: "berth.local/busybox:latest",
  command: ["sh", "-c", 'mkdir -p /data && echo "db ready user=$DB_USER" > /data/status && exec httpd -f -p 5432 -h /data'],
  envFiles: ["db.env"],
  volumes: [{ source: dbData.volumeName, target: "/data" }],
  networks: [backend.networkName],
  healthcheck: { test: ["CMD", "wget", "-qO-", "http://127.0.0.1:5432/status"], interval: "1s", timeout: "2s", retries: 10, startPeriod: "2s" },
  restart: "unless-stopped",
  shmSize: "64m",
  ulimits: { nofile: { soft: 1024, hard: 2048 } },
});

// Compose's service names are DNS names on the network; berth's are the containers' names.
const api = new Deployment(
  "api",
  {
    image: "berth.local/busybox:latest",
    command: ["sh", "-c", "mkdir -p /www && wget -qO /www/db.txt http://$DB_HOST:5432/status && echo ok > /www/healthz && exec httpd -f -p 80 -h /www"],
    env: { DB_HOST: db.containerName },
    ports: [{ containerPort: 80, name: "http" }],
    networks: [backend.networkName],
    healthcheck: { test: ["CMD", "wget", "-qO-", "http://127.0.0.1/healthz"], interval: "1s" },
    restart: "unless-stopped",
  },
  { dependsOn: [db] },
);

new Deployment(
  "worker",
  {
    image: "berth.local/busybox:latest",
    command: ["sh", "-c", "while true; do wget -qO- http://$API_HOST/db.txt >> /jobs/$QUEUE.log; sleep 5; done"],
    envFiles: ["worker.env"],
    env: { API_HOST: api.containerName },
    volumes: [{ source: workerData.volumeName, target: "/jobs" }],
    networks: [backend.networkName],
    cpus: 0.5,
    memory: "64m",
    restart: "unless-stopped",
  },
  { dependsOn: [api] },
);

export const apiEndpoint = api.endpoints.apply((byPort) => byPort.http);
export const networkName = backend.networkName;
