import { describe, expect, it } from "vitest";
import { deploymentDiff } from "../../../../provider/deployment/deployment-diff";
import { deploymentSchema } from "../../../../provider/deployment/deployment-schema";
import { UNKNOWN } from "../../../../provider/validation/unknown";

const inputs = {
  host: "unix:///var/run/docker.sock",
  owner: { project: "p", stack: "s", resource: "web" },
  image: "berth.local/web:latest",
  env: { A: "1", B: "2" },
  labels: { team: "ml", tier: "web" },
  ports: [{ containerPort: 80, name: "http" }, { containerPort: 9000 }],
  restart: "always",
};
const checked = (change: Record<string, unknown> = {}) => deploymentSchema.parse({ ...inputs, ...change }) as unknown as Record<string, unknown>;
const outputs = { ...checked(), containerId: "c1", containerName: "p-s-web-1a2b3c4d", imageId: "sha256:x", hostPorts: { http: 32768 }, state: "running", specHash: "abc" };

describe("deploymentDiff", () => {
  it.each([
    ["nothing", {}, { changes: false, replaces: [] }],
    ["only the owner: a rename with aliases", { owner: { project: "p", stack: "s", resource: "renamed" } }, { changes: false, replaces: [] }],
    ["env in another order", { env: { B: "2", A: "1" } }, { changes: false, replaces: [] }],
    ["labels in another order", { labels: { tier: "web", team: "ml" } }, { changes: false }],
    ["ports in another order", { ports: [{ containerPort: 9000 }, { containerPort: 80, name: "http" }] }, { changes: false }],
    ["memory written another way", {}, { changes: false }],
    ["one env value", { env: { A: "1", B: "3" } }, { changes: true, replaces: ["env"], deleteBeforeReplace: false }],
    ["the image tag", { image: "berth.local/web:v2" }, { changes: true, replaces: ["image"] }],
    ["an added port", { ports: [...inputs.ports, { containerPort: 443 }] }, { changes: true, replaces: ["ports"] }],
    ["the command", { command: ["httpd", "-f"] }, { changes: true, replaces: ["command"] }],
    ["a label", { labels: { team: "infra", tier: "web" } }, { changes: true, replaces: ["labels"] }],
    ["the restart policy", { restart: { policy: "on-failure", maxRetries: 3 } }, { changes: true, replaces: [] }],
    ["the cpu limit", { cpus: 1.5 }, { changes: true, replaces: [] }],
    ["the memory limit", { memory: "256m" }, { changes: true, replaces: [] }],
    ["the readiness probe", { readiness: { httpGet: { port: "http" } } }, { changes: true, replaces: [] }],
    ["the desired running state", { running: false }, { changes: true, replaces: [] }],
    ["the stop grace period, which is the container's StopTimeout", { stopGracePeriodSeconds: 2 }, { changes: true, replaces: ["stopGracePeriodSeconds"] }],
    ["the host", { host: "unix:///run/h1.sock" }, { changes: true, replaces: ["host"], deleteBeforeReplace: false }],
  ])("%s", (_what, change, expected) => {
    expect(deploymentDiff(outputs, checked(change))).toMatchObject(expected);
  });

  it("replaces when a memory limit is lifted: Docker cannot do that in place", () => {
    expect(deploymentDiff({ ...outputs, memory: "512m" }, checked())).toMatchObject({ changes: true, replaces: ["memory"] });
  });

  it("sees no change between `512m` and `512Mi`", () => {
    expect(deploymentDiff({ ...outputs, memory: "512m" }, checked({ memory: "512Mi" })).changes).toBe(false);
  });

  it("deletes before replacing when a fixed name stays", () => {
    const old = { ...outputs, name: "web" };
    expect(deploymentDiff(old, checked({ name: "web", env: { A: "9" } }))).toMatchObject({ replaces: ["env"], deleteBeforeReplace: true });
  });

  it("deletes before replacing when a fixed host port stays", () => {
    const fixed = [{ containerPort: 80, hostPort: 8080 }];
    const old = { ...outputs, ports: checked({ ports: fixed }).ports };
    expect(deploymentDiff(old, checked({ ports: fixed, env: { A: "9" } }))).toMatchObject({ replaces: ["env"], deleteBeforeReplace: true });
  });

  it("creates before deleting when the fixed host port changes", () => {
    const old = { ...outputs, ports: checked({ ports: [{ containerPort: 80, hostPort: 8080 }] }).ports };
    expect(deploymentDiff(old, checked({ ports: [{ containerPort: 80, hostPort: 8081 }] })).deleteBeforeReplace).toBe(false);
  });

  it("treats unknown values during preview as changes of their kind", () => {
    expect(deploymentDiff(outputs, { ...checked(), image: UNKNOWN })).toMatchObject({ changes: true, replaces: ["image"] });
    expect(deploymentDiff(outputs, { ...checked(), memory: UNKNOWN })).toMatchObject({ changes: true, replaces: [] });
  });
});
