import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { setupScriptSource } from "../../provider/persistent/setup-script-source";

/**
 * Every bad input berth must refuse, per resource and component: a valid
 * base plus one change, the property the refusal must name and what it must
 * say. Unit tests feed the resources' cases to `check`; the e2e test feeds
 * every case, once, to the real `pulumi preview` through the public classes.
 * Values are plain JSON (a missing value is `undefined`, dropped on the way).
 */
export interface BadInput {
  what: string;
  change: Record<string, unknown>;
  property: string;
  reason: RegExp;
}

export type Kind = "Deployment" | "Volume" | "Network" | "Job" | "PersistentContainer" | "Service" | "ContainerCluster" | "SwarmService";

const host = "unix:///var/run/docker.sock";
const web = "berth.local/web:latest";
const busybox = "berth.local/busybox:latest";

// Fixed paths, so that runs share one oversized file instead of leaving one each.
const oversized = path.join(os.tmpdir(), "berth-test-oversized-setup-script.sh");
if (!fs.existsSync(oversized)) fs.writeFileSync(oversized, "x".repeat(1024 * 1024 + 1));
const unreadable = path.join(os.tmpdir(), "berth-test-no-such-setup-script.sh");

export const bases: Record<Kind, Record<string, unknown>> = {
  Deployment: { host, image: web, ports: [{ containerPort: 80, name: "http" }] },
  Volume: { host },
  Network: { host },
  Job: { host, image: busybox, command: ["true"] },
  PersistentContainer: { hosts: [host, "unix:///run/berth-hosts/h1/docker.sock"], name: "trainer", lifetime: "persistent", image: busybox },
  Service: { deployment: { image: web, ports: [{ containerPort: 80, name: "http" }] } },
  ContainerCluster: { hosts: { local: host }, name: "trainer", lifetime: "persistent", image: busybox },
  SwarmService: { host, image: web, replicas: 3, readiness: { httpGet: { port: 80 } } },
};

export const badInputs: Record<Kind, BadInput[]> = {
  Deployment: [
    { what: "a missing image", change: { image: undefined }, property: "image", reason: /is required/ },
    { what: "an image with invalid syntax", change: { image: "Web App" }, property: "image", reason: /not a valid image reference/ },
    { what: "an unknown key", change: { replicas: 3 }, property: "replicas", reason: /not a Deployment property/ },
    { what: "a key spelled wrong", change: { enviroment: {} }, property: "enviroment", reason: /check its spelling/ },
    { what: "a wrong type", change: { env: "A=1" }, property: "env", reason: /expected record/ },
    { what: "an env value that is not a string", change: { env: { PORT: 8080 } }, property: "env.PORT", reason: /must be strings/ },
    { what: "an invalid env name", change: { env: { "1A": "x" } }, property: "env.1A", reason: /env names/ },
    { what: "a port out of range", change: { ports: [{ containerPort: 70000 }] }, property: "ports.0.containerPort", reason: /65535/ },
    { what: "a zero host port", change: { ports: [{ containerPort: 80, hostPort: 0 }] }, property: "ports.0.hostPort", reason: /1–65535/ },
    { what: "a duplicated container port", change: { ports: [{ containerPort: 80 }, { containerPort: 80 }] }, property: "ports.1", reason: /twice/ },
    {
      what: "a host port fixed twice",
      change: { ports: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 81, hostPort: 8080 }] },
      property: "ports.1.hostPort",
      reason: /already fixed/,
    },
    { what: "an unknown protocol", change: { ports: [{ containerPort: 80, protocol: "sctp" }] }, property: "ports.0.protocol", reason: /tcp.*udp/ },
    { what: "on-failure with 0 retries", change: { restart: { policy: "on-failure", maxRetries: 0 } }, property: "restart.maxRetries", reason: /at least 1/ },
    { what: "an unknown restart policy", change: { restart: "sometimes" }, property: "restart", reason: /"always", "unless-stopped", "no"/ },
    { what: "zero cpus", change: { cpus: 0 }, property: "cpus", reason: /above 0/ },
    { what: "an unreadable memory size", change: { memory: "lots" }, property: "memory", reason: /512m/ },
    { what: "a relative mount target", change: { volumes: [{ source: "data", target: "data" }] }, property: "volumes.0.target", reason: /absolute path/ },
    { what: "a relative workdir", change: { workdir: "app" }, property: "workdir", reason: /absolute/ },
    { what: "a negative grace period", change: { stopGracePeriodSeconds: -1 }, property: "stopGracePeriodSeconds", reason: /0 or more/ },
    { what: "a probe on an unpublished port", change: { readiness: { httpGet: { port: 8080 } } }, property: "readiness.httpGet.port", reason: /not a published tcp port/ },
    { what: "a probe on an unknown port name", change: { readiness: { tcpSocket: { port: "admin" } } }, property: "readiness.tcpSocket.port", reason: /not a published/ },
    { what: "a zero probe period", change: { readiness: { tcpSocket: { port: 80 }, periodSeconds: 0 } }, property: "readiness.periodSeconds", reason: /at least 0.01/ },
    { what: "a negative probe timeout", change: { readiness: { tcpSocket: { port: 80 }, timeoutSeconds: -1 } }, property: "readiness.timeoutSeconds", reason: /at least/ },
    { what: "a zero success threshold", change: { readiness: { tcpSocket: { port: 80 }, successThreshold: 0 } }, property: "readiness.successThreshold", reason: /at least 1/ },
    { what: "a zero failure threshold", change: { readiness: { tcpSocket: { port: 80 }, failureThreshold: 0 } }, property: "readiness.failureThreshold", reason: /at least 1/ },
    { what: "a readiness without any probe", change: { readiness: { periodSeconds: 1 } }, property: "readiness", reason: /at least one probe/ },
    { what: "an exec probe given as a string", change: { readiness: { exec: { command: "pg_isready" } } }, property: "readiness.exec.command", reason: /argv array/ },
    { what: "an invalid log pattern", change: { readiness: { logLine: { pattern: "(" } } }, property: "readiness.logLine.pattern", reason: /regular expression/ },
    { what: "a malformed host URL", change: { host: "http://localhost:2375" }, property: "host.url", reason: /Docker endpoint URL/ },
    { what: "a tcp host without a port", change: { host: "tcp://gpu-01" }, property: "host.url", reason: /tcp:\/\/host:2376/ },
    { what: "known_hosts lines for a unix host", change: { host: { url: host, knownHosts: "gpu-01 ssh-ed25519 AAAA" } }, property: "host.knownHosts", reason: /only to ssh:\/\/ hosts/ },
    { what: "TLS material missing its key", change: { host: { url: "tcp://gpu-01:2376", tls: { ca: "x", cert: "y" } } }, property: "hostTls", reason: /needs `ca`, `cert` and `key`/ },
    { what: "an invalid container name", change: { name: "web app" }, property: "name", reason: /letters, digits/ },
    { what: "a reserved label", change: { labels: { "dev.berth.project": "x" } }, property: "labels.dev.berth.project", reason: /reserved prefix/ },
    {
      what: "more GPUs than the host has",
      change: { host: { url: host, gpus: { vendor: "nvidia", ids: ["0"] } }, gpus: 2 },
      property: "gpus",
      reason: /asks for 2 GPUs but host unix:\/\/\/var\/run\/docker\.sock has 1/,
    },
    { what: "Docker's healthcheck test under readiness", change: { readiness: { test: ["CMD", "true"] } }, property: "readiness.test", reason: /top-level `healthcheck: \{ test/ },
    { what: "a readiness probe under healthcheck", change: { healthcheck: { test: "true", httpGet: { port: 80 } } }, property: "healthcheck.httpGet", reason: /belong in `readiness`/ },
    { what: "healthcheck: true", change: { healthcheck: true }, property: "healthcheck", reason: /readiness: \{ dockerHealthcheck: true \}/ },
    { what: "a healthcheck without a test", change: { healthcheck: { interval: "5s" } }, property: "healthcheck.test", reason: /is required: a shell command string/ },
    { what: "an unreadable healthcheck interval", change: { healthcheck: { test: "true", interval: "5 sec" } }, property: "healthcheck.interval", reason: /`1m30s`/ },
    { what: "a healthcheck that is off, awaited", change: { healthcheck: { test: ["NONE"] }, readiness: { dockerHealthcheck: true } }, property: "readiness.dockerHealthcheck", reason: /turns off/ },
    { what: "compose's shm_size", change: { shm_size: "1g" }, property: "shm_size", reason: /did you mean `shmSize`/ },
    { what: "an unknown ulimit", change: { ulimits: { memlok: -1 } }, property: "ulimits.memlok", reason: /must be one of core, cpu/ },
    { what: "a soft ulimit above the hard one", change: { ulimits: { nofile: { soft: 10, hard: 5 } } }, property: "ulimits.nofile", reason: /`soft` must not exceed `hard`/ },
    { what: "a relative device path", change: { devices: ["dev/fuse"] }, property: "devices.0", reason: /absolute paths/ },
    { what: "an unknown ipc mode", change: { ipc: "shared" }, property: "ipc", reason: /`private`, `shareable`, `host`/ },
    { what: "networkMode with networks", change: { networkMode: "host", networks: ["backend"] }, property: "networkMode", reason: /cannot be combined with `networks`/ },
    { what: "ports with host networking", change: { networkMode: "host" }, property: "ports", reason: /cannot be published with `networkMode: "host"`/ },
    { what: "a network listed twice", change: { networks: ["backend", "backend"] }, property: "networks", reason: /lists a network twice/ },
  ],
  Volume: [
    { what: "an invalid volume name", change: { name: "my volume" }, property: "name", reason: /must start with a letter or digit/ },
    { what: "an empty driver", change: { driver: "" }, property: "driver", reason: /must name a volume driver/ },
    { what: "a driver option that is not a string", change: { driverOptions: { size: 10 } }, property: "driverOptions.size", reason: /must be strings/ },
    { what: "adopt that is not a boolean", change: { adopt: "yes" }, property: "adopt", reason: /true or false/ },
    { what: "an unknown key", change: { size: "10g" }, property: "size", reason: /not a Volume property/ },
  ],
  Network: [
    { what: "an invalid network name", change: { name: "my network" }, property: "name", reason: /must start with a letter or digit/ },
    { what: "an empty driver", change: { driver: "" }, property: "driver", reason: /must name a network driver/ },
    { what: "internal that is not a boolean", change: { internal: "yes" }, property: "internal", reason: /true or false/ },
    { what: "a subnet that is not CIDR", change: { ipam: { subnet: "10.0.0.0" } }, property: "ipam.subnet", reason: /CIDR block, e.g. `10.42.0.0\/24`/ },
    { what: "a gateway that is not an address", change: { ipam: { subnet: "10.42.0.0/24", gateway: "gw" } }, property: "ipam.gateway", reason: /IP address/ },
    { what: "an IPAM without a subnet", change: { ipam: { gateway: "10.42.0.1" } }, property: "ipam.subnet", reason: /is required/ },
    { what: "a misspelt key", change: { internl: true }, property: "internl", reason: /did you mean `internal`/ },
  ],
  Job: [
    { what: "a negative timeout", change: { timeoutSeconds: -5 }, property: "timeoutSeconds", reason: /above 0 seconds/ },
    { what: "a negative backoff limit", change: { backoffLimit: -1 }, property: "backoffLimit", reason: /0 or more retries/ },
    { what: "no success exit codes", change: { successExitCodes: [] }, property: "successExitCodes", reason: /at least one exit code/ },
    { what: "a command given as a string", change: { command: "echo hi" }, property: "command", reason: /argv array/ },
  ],
  PersistentContainer: [
    { what: "the legacy `enabled`", change: { enabled: true }, property: "enabled", reason: /choose `lifetime`/ },
    { what: "the legacy `launch`", change: { launch: false }, property: "launch", reason: /`launch: false` is `lifetime: "no_launch"`/ },
    { what: 'the legacy lifetime "external"', change: { lifetime: "external" }, property: "lifetime", reason: /now `"no_launch"`/ },
    { what: "an unknown lifetime", change: { lifetime: "forever" }, property: "lifetime", reason: /"no_launch" \(verify only\)/ },
    { what: "a missing name", change: { name: undefined }, property: "name", reason: /is required/ },
    { what: "no hosts", change: { hosts: [] }, property: "hosts", reason: /at least one host/ },
    { what: "a host listed twice", change: { hosts: [host, host] }, property: "hosts.1", reason: /twice/ },
    { what: "a malformed host", change: { hosts: ["docker.sock"] }, property: "hosts.0.url", reason: /Docker endpoint URL/ },
    { what: "a launch without an image", change: { image: undefined }, property: "image", reason: /is required to launch/ },
    { what: "a setup script for no_launch", change: { lifetime: "no_launch", setupScript: { path: "/etc/hostname" } }, property: "setupScript", reason: /never run/ },
    { what: "removeOnDestroy for per_run", change: { lifetime: "per_run", removeOnDestroy: true }, property: "removeOnDestroy", reason: /applies only to persistent/ },
    { what: "a negative grace period", change: { stopGracePeriodSeconds: -1 }, property: "stopGracePeriodSeconds", reason: /0 or more/ },
    { what: "an http probe without host networking", change: { readiness: { httpGet: { port: 8080 } } }, property: "readiness.httpGet", reason: /networkMode: "host"/ },
    { what: "an oversized setup script", change: { setupScript: { path: oversized } }, property: "setupScript.path", reason: /over the 1048576-byte limit/ },
    { what: "an unreadable setup script", change: { setupScript: { path: unreadable } }, property: "setupScript.path", reason: /could not be read when the program ran/ },
    { what: "a zero setup-script timeout", change: { setupScript: { inline: "true\n", timeoutSeconds: 0 } }, property: "setupScript.timeoutSeconds", reason: /above 0 seconds/ },
  ],
  Service: [
    { what: "a missing deployment", change: { deployment: undefined }, property: "deployment", reason: /is required/ },
    { what: "an unknown key", change: { replicas: 2 }, property: "replicas", reason: /not a Service property/ },
    { what: "no hosts", change: { hosts: {} }, property: "hosts", reason: /at least one host/ },
    { what: "an init job without a name", change: { initJobs: [{ image: busybox }] }, property: "initJobs.0.name", reason: /is required/ },
    {
      what: "two init jobs with one name",
      change: { initJobs: [{ name: "pull", image: busybox }, { name: "pull", image: busybox }] },
      property: "initJobs.1.name",
      reason: /used twice/,
    },
    { what: "a host set on the deployment", change: { deployment: { image: web, host } }, property: "deployment.host", reason: /comes from the Service's `hosts`/ },
    { what: "a bad port in the deployment", change: { deployment: { image: web, ports: [{ containerPort: 0 }] } }, property: "ports.0.containerPort", reason: /65535/ },
  ],
  ContainerCluster: [
    { what: "no hosts", change: { hosts: {} }, property: "hosts", reason: /at least one host/ },
    { what: "hosts as a list", change: { hosts: [host] }, property: "hosts", reason: /short names/ },
    { what: "an unknown lifetime", change: { lifetime: "forever" }, property: "lifetime", reason: /"no_launch" \(verify only\)/ },
  ],
  SwarmService: [
    { what: "replicas with global mode", change: { mode: "global" }, property: "replicas", reason: /cannot be set with `mode: "global"`/ },
    { what: "an unknown mode", change: { mode: "daemonset" }, property: "mode", reason: /`replicated` or `global`/ },
    { what: "GPU ids instead of a count", change: { gpus: ["0"] }, property: "gpus", reason: /GPU count per task/ },
    { what: "a pull policy", change: { pullPolicy: "Always" }, property: "pullPolicy", reason: /not a SwarmService property/ },
    { what: "a tcpSocket probe", change: { readiness: { tcpSocket: { port: 80 } } }, property: "readiness.tcpSocket", reason: /use `exec: \{ command: \["nc", "-z"/ },
    { what: "a logLine probe", change: { readiness: { logLine: { pattern: "up" }, exec: { command: ["true"] } } }, property: "readiness.logLine", reason: /use `exec` or `httpGet`/ },
    { what: "readiness without a probe", change: { readiness: { periodSeconds: 1 } }, property: "readiness", reason: /needs a probe/ },
    { what: "an httpGet probe on a port name", change: { readiness: { httpGet: { port: "http" } } }, property: "readiness.httpGet.port", reason: /container port number/ },
    { what: "a port without a host port", change: { ports: [{ containerPort: 80 }] }, property: "ports.0.hostPort", reason: /host mode/ },
    { what: "start-first with host ports", change: { ports: [{ containerPort: 80, hostPort: 8080 }], update: { order: "start-first" } }, property: "update.order", reason: /use `stop-first`/ },
    { what: "a constraint without a comparison", change: { placement: { constraints: ["node.role"] } }, property: "placement.constraints.0", reason: /`==` or `!=`/ },
    { what: "an unknown failure action", change: { update: { failureAction: "retry" } }, property: "update.failureAction", reason: /`rollback`, `pause` or `continue`/ },
  ],
};

/**
 * A resource's inputs as `check` receives them from its public class: the
 * owner added, a host's TLS material split off, a setup script hashed.
 */
export function checkInputsOf(kind: Kind, change: Record<string, unknown>): Record<string, unknown> {
  const args: Record<string, unknown> = { ...bases[kind], ...change, owner: { project: "p", stack: "s", resource: "r" } };
  const givenHost = args.host as { tls?: unknown } | undefined;
  if (typeof givenHost === "object" && givenHost.tls !== undefined) {
    const { tls, ...publicPart } = givenHost;
    Object.assign(args, { host: publicPart, hostTls: tls });
  }
  if (args.setupScript) args.setupScript = setupScriptSource(args.setupScript as Parameters<typeof setupScriptSource>[0]);
  return args;
}
