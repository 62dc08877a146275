import { describe, expect, it } from "vitest";
import { deploymentSchema } from "../../../../provider/deployment/deployment-schema";
import { effectiveReadiness } from "../../../../provider/deployment/effective-readiness";

const deployment = (extra: Record<string, unknown>) =>
  deploymentSchema.parse({
    host: "unix:///var/run/docker.sock",
    owner: { project: "p", stack: "s", resource: "web" },
    image: "berth.local/web:latest",
    ...extra,
  });

describe("the gate of a deployment without readiness (docs/deployments.md)", () => {
  it("is a TCP connect to the lowest tcp container port, whatever order the ports were written in", () => {
    const props = deployment({ ports: [{ containerPort: 9000 }, { containerPort: 53, protocol: "udp" }, { containerPort: 8080 }] });
    expect(effectiveReadiness(props)?.tcpSocket?.port).toBe(8080);
  });

  it("is none without a published tcp port", () => {
    expect(effectiveReadiness(deployment({ ports: [{ containerPort: 53, protocol: "udp" }] }))).toBeUndefined();
    expect(effectiveReadiness(deployment({}))).toBeUndefined();
  });

  it("is the deployment's own readiness when it has one", () => {
    const props = deployment({ ports: [{ containerPort: 80 }], readiness: { logLine: { pattern: "up" } } });
    expect(effectiveReadiness(props)?.tcpSocket).toBeUndefined();
    expect(effectiveReadiness(props)?.logLine?.pattern).toBe("up");
  });
});
