import { describe, expect, it } from "vitest";
import { deploymentContainerPlan } from "../../../../provider/deployment/container-plan";
import { deploymentDiff } from "../../../../provider/deployment/deployment-diff";
import * as hooks from "../../../../provider/deployment/deployment-hooks";
import { deploymentSchema } from "../../../../provider/deployment/deployment-schema";
import { effectiveReadiness } from "../../../../provider/deployment/effective-readiness";

const base = {
  host: "unix:///var/run/docker.sock",
  owner: { project: "p", stack: "s", resource: "db" },
  image: "berth.local/busybox:latest",
};
const parse = (extra: Record<string, unknown>) => deploymentSchema.parse({ ...base, ...extra });
const plan = (extra: Record<string, unknown>) => deploymentContainerPlan(parse(extra), "db", {}, new Map());

async function failures(change: Record<string, unknown>) {
  return (await hooks.check({}, { ...base, ...change })).failures ?? [];
}

describe("Deployment runtime options: the defaults docs/deployments.md states", () => {
  const props = parse({});

  it("are unprivileged, no own healthcheck, no devices, no ulimits, no env files, restart no", () => {
    expect(props).toMatchObject({ privileged: false, devices: [], ulimits: [], envFiles: [], restart: "no" });
    expect(props.healthcheck).toBeUndefined();
    const created = plan({});
    expect(created.HostConfig?.Privileged).toBe(false);
    expect(created.Healthcheck).toBeUndefined();
    expect(created.HostConfig).not.toHaveProperty("Ulimits");
    expect(created.HostConfig).not.toHaveProperty("ShmSize");
    expect(created.HostConfig).not.toHaveProperty("IpcMode");
    expect(created.HostConfig).not.toHaveProperty("NetworkMode");
  });

  it("fills a healthcheck's timing with 2 s interval, 5 s timeout, 3 retries, no start period", () => {
    expect(parse({ healthcheck: { test: "true" } }).healthcheck).toEqual({ test: ["CMD-SHELL", "true"], interval: 2, timeout: 5, retries: 3, startPeriod: 0 });
  });
});

describe("the container a Deployment's runtime options make", () => {
  it("writes the healthcheck as Docker's HEALTHCHECK, durations in nanoseconds, compose durations understood", () => {
    expect(plan({ healthcheck: { test: ["CMD", "pg_isready"], interval: "1m30s", timeout: "500ms", retries: 5, startPeriod: 10 } }).Healthcheck).toEqual({
      Test: ["CMD", "pg_isready"],
      Interval: 90e9,
      Timeout: 0.5e9,
      Retries: 5,
      StartPeriod: 10e9,
    });
  });

  it.each([
    ["a string runs in a shell", "pg_isready -U app", ["CMD-SHELL", "pg_isready -U app"]],
    ["an argv runs as CMD", ["pg_isready", "-U", "app"], ["CMD", "pg_isready", "-U", "app"]],
    ["Docker's CMD-SHELL form stays", ["CMD-SHELL", "exit 0"], ["CMD-SHELL", "exit 0"]],
    ["NONE turns the image's off", ["NONE"], ["NONE"]],
  ])("healthcheck test: %s", (_what, test, docker) => {
    expect(plan({ healthcheck: { test } }).Healthcheck?.Test).toEqual(docker);
  });

  it("takes ulimits as compose writes them (a number sets soft and hard) and as a list", () => {
    expect(plan({ ulimits: { memlock: -1, nofile: { soft: 1024, hard: 4096 } } }).HostConfig?.Ulimits).toEqual([
      { Name: "memlock", Soft: -1, Hard: -1 },
      { Name: "nofile", Soft: 1024, Hard: 4096 },
    ]);
    expect(plan({ ulimits: [{ name: "nproc", soft: 10, hard: 20 }] }).HostConfig?.Ulimits).toEqual([{ Name: "nproc", Soft: 10, Hard: 20 }]);
  });

  it("takes devices as compose's strings and as objects", () => {
    expect(plan({ devices: ["/dev/fuse", "/dev/sda:/dev/xvda:r", { hostPath: "/dev/kvm", permissions: "rw" }] }).HostConfig?.Devices).toEqual([
      { PathOnHost: "/dev/fuse", PathInContainer: "/dev/fuse", CgroupPermissions: "rwm" },
      { PathOnHost: "/dev/sda", PathInContainer: "/dev/xvda", CgroupPermissions: "r" },
      { PathOnHost: "/dev/kvm", PathInContainer: "/dev/kvm", CgroupPermissions: "rw" },
    ]);
  });

  it("sets shm size, ipc, privilege, network mode and unless-stopped", () => {
    expect(plan({ shmSize: "1g", ipc: "host", privileged: true, networkMode: "host", restart: "unless-stopped" }).HostConfig).toMatchObject({
      ShmSize: 1024 ** 3,
      IpcMode: "host",
      Privileged: true,
      NetworkMode: "host",
      RestartPolicy: { Name: "unless-stopped" },
    });
  });

  it("creates the container on the first network given, not the alphabetically first", async () => {
    const { inputs } = await hooks.check({}, { ...base, networks: ["zeta", "alpha"] });
    expect(deploymentContainerPlan(inputs as ReturnType<typeof parse>, "db", {}, new Map()).HostConfig?.NetworkMode).toBe("zeta");
  });
});

describe("Deployment readiness with a healthcheck", () => {
  it("gates on the container's own healthcheck when no readiness is given, as compose's service_healthy", () => {
    expect(effectiveReadiness(parse({ healthcheck: { test: "true" }, ports: [{ containerPort: 80 }] }))).toMatchObject({ dockerHealthcheck: true, deadlineSeconds: 120 });
  });

  it("waits long enough for a slow start period and all retries", () => {
    expect(effectiveReadiness(parse({ healthcheck: { test: "true", startPeriod: "5m", interval: 10, retries: 3, timeout: 5 } }))?.deadlineSeconds).toBe(300 + 40 + 5);
  });

  it("keeps an explicit readiness, and ignores a healthcheck that is turned off", () => {
    expect(effectiveReadiness(parse({ healthcheck: { test: "true" }, readiness: { logLine: { pattern: "up" } } }))).toMatchObject({ logLine: { pattern: "up" } });
    expect(effectiveReadiness(parse({ healthcheck: { test: ["NONE"] }, ports: [{ containerPort: 80 }] }))).toMatchObject({ tcpSocket: { port: 80 } });
  });
});

describe("Deployment diff of runtime options and networks", () => {
  const olds = parse({ networks: ["front", "a", "b"] }) as unknown as Record<string, unknown>;
  const diff = async (change: Record<string, unknown>) => deploymentDiff(olds, (await hooks.check({}, { ...base, networks: ["front", "a", "b"], ...change })).inputs as Record<string, unknown>);

  it("is no change when only the networks after the first are reordered", async () => {
    expect(await diff({ networks: ["front", "b", "a"] })).toMatchObject({ changes: false });
  });

  it("replaces when another network becomes the first", async () => {
    expect(await diff({ networks: ["a", "front", "b"] })).toMatchObject({ changes: true, replaces: ["networks"] });
  });

  it.each([
    ["healthcheck", { test: "true" }],
    ["devices", ["/dev/fuse"]],
    ["privileged", true],
    ["shmSize", "1g"],
    ["ipc", "host"],
    ["ulimits", { memlock: -1 }],
  ])("replaces for %s: Docker's update API cannot change it", async (key, value) => {
    expect(await diff({ [key]: value })).toMatchObject({ changes: true, replaces: [key] });
  });
});

describe("Deployment check explains misplaced and misspelt keys", () => {
  it.each([
    ["Docker's test under readiness", { readiness: { test: ["CMD", "true"] } }, "readiness.test", /`readiness` is berth's gate.*top-level `healthcheck: \{ test/],
    ["a readiness probe under healthcheck", { healthcheck: { test: "true", httpGet: { port: 80 } } }, "healthcheck.httpGet", /belong in `readiness`/],
    ["readiness timing under healthcheck", { healthcheck: { test: "true", periodSeconds: 1 } }, "healthcheck.periodSeconds", /belong in `readiness`/],
    ["healthcheck: true", { healthcheck: true }, "healthcheck", /readiness: \{ dockerHealthcheck: true \}/],
    ["compose's shm_size", { shm_size: "1g" }, "shm_size", /did you mean `shmSize`\?/],
    ["healthCheck in camel case", { healthCheck: { test: "true" } }, "healthCheck", /did you mean `healthcheck`\?/],
    ["a typo in a nested key", { healthcheck: { test: "true", retires: 3 } }, "healthcheck.retires", /did you mean `retries`\?/],
    ["compose's env_file", { env_file: [".env"] }, "env_file", /did you mean `envFiles`\?/],
    ["compose's environment", { environment: {} }, "environment", /write `env`/],
    ["compose's depends_on", { depends_on: ["db"] }, "depends_on", /`dependsOn` resource option.*service_healthy/],
  ])("%s", async (_what, change, property, reason) => {
    const found = await failures(change);
    expect(found.map((f) => f.property)).toContain(property);
    expect(found.find((f) => f.property === property)!.reason).toMatch(reason);
  });
});
