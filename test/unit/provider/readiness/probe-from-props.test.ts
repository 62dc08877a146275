import type Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { readinessSchema, type GateTarget } from "../../../../provider/readiness";
import { probeFromProps } from "../../../../provider/readiness/probe-from-props";
import { FakeClock } from "./fake-clock";

const subject = 'Deployment "web" on host unix:///var/run/docker.sock';
const published: Record<string, number> = { "80": 32768, http: 32768, "9090": 32769 };

const target: GateTarget = {
  docker: {} as Docker,
  containerId: "0123456789abcdef",
  probeAddress: "10.1.2.3",
  hostPortFor: (ref) => published[String(ref)],
  subject,
  redact: (text) => text,
};

function info(health?: { Status: string }): Docker.ContainerInspectInfo {
  return { State: { Health: health }, Config: { Image: "berth.local/web:latest" } } as unknown as Docker.ContainerInspectInfo;
}

const probeFor = (readiness: unknown, container = info()) => probeFromProps(readinessSchema.parse(readiness), target, container, new FakeClock());

describe("probeFromProps", () => {
  it.each([
    { readiness: { httpGet: { port: 80, path: "/healthz" } }, describes: "http://10.1.2.3:32768/healthz" },
    { readiness: { httpGet: { port: "http", scheme: "HTTPS" } }, describes: "https://10.1.2.3:32768/" },
    { readiness: { tcpSocket: { port: 9090 } }, describes: "tcp://10.1.2.3:32769" },
    { readiness: { exec: { command: ["pg_isready", "-U", "postgres"] } }, describes: 'exec ["pg_isready","-U","postgres"]' },
    { readiness: { logLine: { pattern: "listening on \\d+", times: 2 } }, describes: "2 log lines matching /listening on \\d+/" },
    { readiness: { dockerHealthcheck: true }, describes: 'Docker HEALTHCHECK status "healthy"', container: info({ Status: "starting" }) },
    { readiness: { httpGet: { port: 80 }, tcpSocket: { port: 9090 }, logLine: { pattern: "up" } }, describes: "http://10.1.2.3:32768/ and tcp://10.1.2.3:32769 and 1 log line matching /up/" },
  ])("probes $describes", ({ readiness, describes, container }) => {
    expect(probeFor(readiness, container).describe()).toBe(describes);
  });

  it("probes an IPv6 probe address in brackets", () => {
    const probe = probeFromProps(readinessSchema.parse({ httpGet: { port: 80 } }), { ...target, probeAddress: "::1" }, info(), new FakeClock());
    expect(probe.describe()).toBe("http://[::1]:32768/");
  });

  it.each([
    { readiness: { httpGet: { port: 8080 } }, message: `${subject}: \`readiness.httpGet.port\` 8080 is not a published port of the container, so the probe cannot reach it on 10.1.2.3` },
    { readiness: { tcpSocket: { port: "metrics" } }, message: `${subject}: \`readiness.tcpSocket.port\` "metrics" is not a published port of the container` },
  ])("fails at once, naming the port, when $readiness cannot be reached", ({ readiness, message }) => {
    expect(() => probeFor(readiness)).toThrow(message);
  });

  it("fails at once when the container has no HEALTHCHECK to wait for", () => {
    expect(() => probeFor({ dockerHealthcheck: true })).toThrow(
      `${subject}: \`readiness.dockerHealthcheck\` is set, but image "berth.local/web:latest" defines no HEALTHCHECK and the container has none`,
    );
  });

  it("fails closed when given no probe at all", () => {
    expect(() => probeFromProps({ ...readinessSchema.parse({ tcpSocket: { port: 80 } }), tcpSocket: undefined }, target, info(), new FakeClock())).toThrow(
      `${subject}: \`readiness\` names no probe`,
    );
  });
});
