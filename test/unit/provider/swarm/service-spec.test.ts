import { describe, expect, it } from "vitest";
import { serviceSpec } from "../../../../provider/swarm/service-spec";
import { swarmServiceSchema } from "../../../../provider/swarm/swarm-service-schema";

const owner = { project: "p", stack: "s", resource: "r" };
const props = (extra: Record<string, unknown>) => swarmServiceSchema.parse({ host: "unix:///run/m.sock", owner, image: "berth.local/web:latest", ...extra });

describe("serviceSpec", () => {
  it("writes an httpGet readiness probe as the task's healthcheck, timings in nanoseconds", () => {
    const spec = serviceSpec(props({ readiness: { httpGet: { port: 80, path: "/ready" }, periodSeconds: 0.5, failureThreshold: 4, initialDelaySeconds: 2 } }), "svc", {});
    expect((spec.TaskTemplate as any).ContainerSpec.Healthcheck).toEqual({
      Test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:80/ready"],
      Interval: 500_000_000,
      Timeout: 1_000_000_000,
      Retries: 4,
      StartPeriod: 2_000_000_000,
    });
  });

  it("keeps the image's own healthcheck for `dockerHealthcheck: true` and writes none without readiness", () => {
    expect((serviceSpec(props({ readiness: { dockerHealthcheck: true } }), "svc", {}).TaskTemplate as any).ContainerSpec.Healthcheck).toBeUndefined();
    expect((serviceSpec(props({}), "svc", {}).TaskTemplate as any).ContainerSpec.Healthcheck).toBeUndefined();
  });

  it("maps command to Args and entrypoint to Command, as `docker service create` does", () => {
    const spec = serviceSpec(props({ entrypoint: ["/bin/sh", "-c"], command: ["serve"] }), "svc", {});
    expect((spec.TaskTemplate as { ContainerSpec?: unknown } | undefined)?.ContainerSpec).toMatchObject({ Command: ["/bin/sh", "-c"], Args: ["serve"] });
  });

  it("reserves GPUs from the swarm's generic resources and sets limits apart from reservations", () => {
    const spec = serviceSpec(props({ gpus: 2, cpus: 1.5, memory: "512m", reservations: { cpus: 0.5, memory: "256m" } }), "svc", {});
    expect(spec.TaskTemplate?.Resources).toEqual({
      Limits: { NanoCPUs: 1_500_000_000, MemoryBytes: 512 * 1024 * 1024 },
      Reservations: { NanoCPUs: 500_000_000, MemoryBytes: 256 * 1024 * 1024, GenericResources: [{ DiscreteResourceSpec: { Kind: "gpu", Value: 2 } }] },
    });
  });

  it("publishes ports in host mode and defaults to stop-first updates then, start-first otherwise, rolling back on failure", () => {
    const withPorts = serviceSpec(props({ ports: [{ containerPort: 80, hostPort: 8080 }] }), "svc", {});
    expect(withPorts.EndpointSpec?.Ports).toEqual([{ TargetPort: 80, PublishedPort: 8080, Protocol: "tcp", PublishMode: "host" }]);
    expect(withPorts.UpdateConfig).toMatchObject({ Order: "stop-first", FailureAction: "rollback" });
    expect(serviceSpec(props({}), "svc", {}).UpdateConfig).toMatchObject({ Order: "start-first", FailureAction: "rollback", Monitor: 5_000_000_000 });
    expect(serviceSpec(props({}), "svc", {}).RollbackConfig).toMatchObject({ FailureAction: "pause" });
  });

  it("runs one replica by default, or one task per node when global", () => {
    expect(serviceSpec(props({}), "svc", {}).Mode).toEqual({ Replicated: { Replicas: 1 } });
    expect(serviceSpec(props({ mode: "global" }), "svc", {}).Mode).toEqual({ Global: {} });
  });
});
