import { describe, expect, it } from "vitest";
import * as hooks from "../../../../provider/deployment/deployment-hooks";
import { UNKNOWN } from "../../../../provider/validation/unknown";

const valid = {
  host: "unix:///var/run/docker.sock",
  owner: { project: "p", stack: "s", resource: "web" },
  image: "berth.local/web:latest",
  ports: [{ containerPort: 80, name: "http" }],
};

async function failures(change: Record<string, unknown>) {
  return (await hooks.check({}, { ...valid, ...change })).failures ?? [];
}

describe("Deployment check", () => {
  it("accepts a minimal deployment and fills the defaults", async () => {
    const { inputs, failures: none } = await hooks.check({}, valid);
    expect(none).toEqual([]);
    expect(inputs).toMatchObject({
      host: { url: "unix:///var/run/docker.sock" },
      pullPolicy: "IfNotPresent",
      env: {},
      restart: "no",
      running: true,
      stopGracePeriodSeconds: 10,
      ports: [{ containerPort: 80, protocol: "tcp", name: "http" }],
    });
  });

  it.each([
    ["a missing image", { image: undefined }, "image", /is required/],
    ["an image with invalid syntax", { image: "Web App" }, "image", /not a valid image reference/],
    ["an unknown key", { replicas: 3 }, "replicas", /not a Deployment property/],
    ["a legacy key spelled wrong", { enviroment: {} }, "enviroment", /check its spelling/],
    ["a wrong type", { env: "A=1" }, "env", /expected record/],
    ["an env value that is not a string", { env: { PORT: 8080 } }, "env.PORT", /must be strings/],
    ["an invalid env name", { env: { "1A": "x" } }, "env.1A", /env names/],
    ["a port out of range", { ports: [{ containerPort: 70000 }] }, "ports.0.containerPort", /65535/],
    ["a zero host port", { ports: [{ containerPort: 80, hostPort: 0 }] }, "ports.0.hostPort", /1–65535/],
    ["a duplicated container port", { ports: [{ containerPort: 80 }, { containerPort: 80 }] }, "ports.1", /twice/],
    ["a host port fixed twice", { ports: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 81, hostPort: 8080 }] }, "ports.1.hostPort", /already fixed/],
    ["an unknown protocol", { ports: [{ containerPort: 80, protocol: "sctp" }] }, "ports.0.protocol", /tcp.*udp/],
    ["on-failure with 0 retries", { restart: { policy: "on-failure", maxRetries: 0 } }, "restart.maxRetries", /at least 1/],
    ["an unknown restart policy", { restart: "sometimes" }, "restart", /"always", "no"/],
    ["zero cpus", { cpus: 0 }, "cpus", /above 0/],
    ["an unreadable memory size", { memory: "lots" }, "memory", /512m/],
    ["a relative mount target", { volumes: [{ source: "data", target: "data" }] }, "volumes.0.target", /absolute path/],
    ["a relative workdir", { workdir: "app" }, "workdir", /absolute/],
    ["a negative grace period", { stopGracePeriodSeconds: -1 }, "stopGracePeriodSeconds", /0 or more/],
    ["a probe on an unpublished port", { readiness: { httpGet: { port: 8080 } } }, "readiness.httpGet.port", /not a published tcp port/],
    ["a probe on an unknown port name", { readiness: { tcpSocket: { port: "admin" } } }, "readiness.tcpSocket.port", /not a published/],
    ["a zero probe period", { readiness: { tcpSocket: { port: 80 }, periodSeconds: 0 } }, "readiness.periodSeconds", /at least 0.01/],
    ["a negative probe timeout", { readiness: { tcpSocket: { port: 80 }, timeoutSeconds: -1 } }, "readiness.timeoutSeconds", /at least/],
    ["a zero success threshold", { readiness: { tcpSocket: { port: 80 }, successThreshold: 0 } }, "readiness.successThreshold", /at least 1/],
    ["a zero failure threshold", { readiness: { tcpSocket: { port: 80 }, failureThreshold: 0 } }, "readiness.failureThreshold", /at least 1/],
    ["a readiness without any probe", { readiness: { periodSeconds: 1 } }, "readiness", /at least one probe/],
    ["an exec probe given as a string", { readiness: { exec: { command: "pg_isready" } } }, "readiness.exec.command", /argv array/],
    ["an invalid log pattern", { readiness: { logLine: { pattern: "(" } } }, "readiness.logLine.pattern", /regular expression/],
    ["a malformed host URL", { host: "http://localhost:2375" }, "host.url", /Docker endpoint URL/],
    ["a tcp host without a port", { host: "tcp://gpu-01" }, "host.url", /tcp:\/\/host:2376/],
    ["TLS material missing its key", { hostTls: { ca: "x", cert: "y" } }, "hostTls", /needs `ca`, `cert` and `key`/],
    ["an invalid container name", { name: "web app" }, "name", /letters, digits/],
    ["a reserved label", { labels: { "dev.berth.project": "x" } }, "labels.dev.berth.project", /reserved prefix/],
  ])("rejects %s, naming the property", async (_what, change, property, reason) => {
    const found = await failures(change);
    expect(found.map((f) => f.property)).toContain(property);
    expect(found.find((f) => f.property === property)!.reason).toMatch(reason);
  });

  it("tolerates inputs that are unknown during preview", async () => {
    expect(await failures({ image: UNKNOWN, env: { TOKEN: UNKNOWN }, ports: UNKNOWN, readiness: { httpGet: { port: 80, path: UNKNOWN } } })).toEqual([]);
  });

  it("sorts ports, volumes and networks so that order is no change", async () => {
    const { inputs } = await hooks.check({}, {
      ...valid,
      ports: [{ containerPort: 9000 }, { containerPort: 80 }],
      volumes: [{ source: "b", target: "/b" }, { source: "a", target: "/a" }],
      networks: ["z", "a"],
    });
    expect(inputs).toMatchObject({
      ports: [{ containerPort: 80 }, { containerPort: 9000 }],
      volumes: [{ target: "/a" }, { target: "/b" }],
      networks: ["a", "z"],
    });
  });
});
