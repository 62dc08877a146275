import { describe, expect, it } from "vitest";
import { deploymentContainerPlan, restartPolicy } from "../../../../provider/deployment/container-plan";
import { deploymentSchema } from "../../../../provider/deployment/deployment-schema";

const props = deploymentSchema.parse({
  host: "unix:///var/run/docker.sock",
  owner: { project: "p", stack: "s", resource: "web" },
  image: "berth.local/web:latest",
  command: ["httpd", "-f"],
  env: { A: "1" },
  ports: [{ containerPort: 80 }, { containerPort: 53, protocol: "udp", hostPort: 5353 }],
  volumes: [{ source: "data", target: "/data", readOnly: true }, { source: "/srv/models", target: "/models" }],
  cpus: 1.5,
  memory: "512m",
  networks: ["backend", "frontend"],
  user: "nobody",
  workdir: "/www",
  stopGracePeriodSeconds: 3,
});

describe("deploymentContainerPlan", () => {
  const plan = deploymentContainerPlan(props, "p-s-web-1234", { l: "v" }, new Map<string, number | "">([["80/tcp", ""], ["53/udp", 5353]]));

  it("publishes every port with the chosen host port (empty lets Docker choose)", () => {
    expect(plan.ExposedPorts).toEqual({ "80/tcp": {}, "53/udp": {} });
    expect(plan.HostConfig!.PortBindings).toEqual({ "80/tcp": [{ HostIp: "", HostPort: "" }], "53/udp": [{ HostIp: "", HostPort: "5353" }] });
  });

  it("mounts named volumes and host paths", () => {
    expect(plan.HostConfig!.Mounts).toEqual([
      { Type: "volume", Source: "data", Target: "/data", ReadOnly: true },
      { Type: "bind", Source: "/srv/models", Target: "/models", ReadOnly: false },
    ]);
  });

  it("carries limits, user, workdir, stop timeout and the primary network", () => {
    expect(plan).toMatchObject({ name: "p-s-web-1234", Image: "berth.local/web:latest", Cmd: ["httpd", "-f"], Env: ["A=1"], User: "nobody", WorkingDir: "/www", StopTimeout: 3, Labels: { l: "v" } });
    expect(plan.HostConfig).toMatchObject({ NanoCpus: 1.5e9, Memory: 512 * 1024 ** 2, NetworkMode: "backend", RestartPolicy: { Name: "no" } });
  });

  it.each([
    ["always", { Name: "always" }],
    ["no", { Name: "no" }],
    [{ policy: "on-failure", maxRetries: 4 }, { Name: "on-failure", MaximumRetryCount: 4 }],
  ] as const)("maps restart %j", (restart, expected) => {
    expect(restartPolicy(restart)).toEqual(expected);
  });
});
