import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Docker from "dockerode";
import * as hooks from "../../../../provider/swarm/swarm-service-hooks";
import { uniqueProject } from "../../../support/docker";
import { acquireSwarm, berthServices, swarmNode, sweepServices } from "../../../support/swarm";

const project = uniqueProject("it-swarm");
const WEB = "berth.local/web:latest";
const DRAINER = "berth.local/drainer:latest";
let managerUrl: string;
let manager: Docker;

beforeAll(() => {
  [managerUrl] = acquireSwarm();
  manager = swarmNode(managerUrl);
}, 180_000);

afterAll(async () => {
  await sweepServices(manager, project);
});

const ready = { httpGet: { port: 80, path: "/index.html" }, periodSeconds: 0.2, deadlineSeconds: 40 };
const fastRoll = { monitorSeconds: 1, parallelism: 2 };

async function checked(resource: string, extra: Record<string, unknown> = {}) {
  const result = await hooks.check({}, { host: { url: managerUrl }, owner: { project, stack: "test", resource }, image: WEB, stopGracePeriodSeconds: 1, ...extra });
  expect(result.failures).toEqual([]);
  return result.inputs as Record<string, unknown>;
}

async function runningTasks(serviceId: string) {
  const tasks = await manager.listTasks({ filters: { service: [serviceId], "desired-state": ["running"] } });
  return tasks.filter((t) => t.Status?.State === "running");
}

describe("SwarmService hooks against a real 3-node swarm", () => {
  let id: string;
  let outs: Record<string, unknown>;

  it("creates a labelled service and returns once every task runs and is ready, spread over the nodes", async () => {
    const created = await hooks.create(await checked("web", { replicas: 3, readiness: ready, update: fastRoll, env: { GREETING: "hi" } }));
    id = created.id;
    outs = created.outs;
    const service = await manager.getService(id).inspect();
    expect(service.Spec.Name).toMatch(new RegExp(`^${project}-test-web-[0-9a-f]{12}$`));
    expect(service.Spec.Labels).toMatchObject({ "dev.berth.managed-by": "berth", "dev.berth.kind": "swarm-service", "dev.berth.resource": "web" });
    expect(service.Spec.TaskTemplate.ContainerSpec.Healthcheck.Test).toEqual(["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:80/index.html"]);
    expect(outs).toMatchObject({ desiredTasks: 3, runningTasks: 3, serviceName: service.Spec.Name });
    expect((await runningTasks(id)).length).toBe(3);
    const nodes = new Set((outs.tasks as Array<{ node: string }>).map((t) => t.node));
    expect([...nodes].every((n) => /^berth-sw[123]$/.test(n))).toBe(true);
    expect(nodes.size).toBeGreaterThan(1);
  });

  it("diffs what the user wrote, not the swarm's filled-in spec: the same inputs are no change", async () => {
    const same = await checked("web", { replicas: 3, readiness: ready, update: fastRoll, env: { GREETING: "hi" } });
    expect(await hooks.diff(id, outs, same)).toMatchObject({ changes: false, replaces: [] });
    const moreReplicas = await checked("web", { replicas: 5, readiness: ready, update: fastRoll, env: { GREETING: "hi" } });
    expect(await hooks.diff(id, outs, moreReplicas)).toMatchObject({ changes: true, replaces: [] });
  });

  it("scales in place and rolls an image change over the tasks in place, gated the same way", async () => {
    const scaled = await hooks.update(id, outs, await checked("web", { replicas: 5, readiness: ready, update: fastRoll, env: { GREETING: "hi" } }));
    expect(scaled.outs).toMatchObject({ desiredTasks: 5, runningTasks: 5, serviceId: id });
    outs = scaled.outs!;
    const rolled = await hooks.update(id, outs, await checked("web", { replicas: 5, image: DRAINER, readiness: ready, update: fastRoll, env: { GREETING: "hi" } }));
    outs = rolled.outs!;
    const running = await runningTasks(id);
    expect(running.length).toBe(5);
    expect(running.every((t) => t.Spec?.ContainerSpec?.Image === DRAINER)).toBe(true);
    expect((await manager.getService(id).inspect()).ID).toBe(id);
  });

  it("fails an update whose new tasks never become ready, naming the task error and node, with the service back on its previous spec", async () => {
    const broken = await checked("web", { replicas: 5, image: DRAINER, command: ["sh", "-c", "exit 3"], readiness: ready, update: fastRoll, env: { GREETING: "hi" } });
    await expect(hooks.update(id, outs, broken)).rejects.toThrow(
      /SwarmService "web" on swarm manager .*: the swarm rolled the update back .*task [0-9a-z]{12} failed on berth-sw[123]: task: non-zero exit \(3\)/,
    );
    const service = await manager.getService(id).inspect();
    expect(service.Spec.TaskTemplate.ContainerSpec.Args).toBeUndefined();
    expect(service.Spec.TaskTemplate.ContainerSpec.Image).toBe(DRAINER);
    expect((await runningTasks(id)).length).toBe(5);
  });

  it("refresh sees a scale behind berth's back as an input change, and a removed service as gone", async () => {
    const service = await manager.getService(id).inspect();
    await manager.getService(id).update({ ...service.Spec, Mode: { Replicated: { Replicas: 2 } }, version: service.Version.Index } as never);
    const read = await hooks.read(id, outs);
    expect(read.inputs).toMatchObject({ replicas: 2 });
    expect(await hooks.diff(id, read.props!, await checked("web", { replicas: 5, image: DRAINER, readiness: ready, update: fastRoll, env: { GREETING: "hi" } }))).toMatchObject({ changes: true, replaces: [] });
  });

  it("destroy removes the service and returns only when its tasks are gone", async () => {
    await hooks.delete(id, outs);
    const left = (await manager.listTasks()).filter((t) => t.ServiceID === id);
    expect(left).toEqual([]);
    expect(await hooks.read(id, outs)).toEqual({});
    await hooks.delete(id, outs);
  });

  it("fails a service no node can schedule at the gate's deadline with the scheduler's reason, and leaves nothing", async () => {
    const inputs = await checked("gpu", { replicas: 1, gpus: 2, readiness: { ...ready, deadlineSeconds: 4 } });
    await expect(hooks.create(inputs)).rejects.toThrow(/SwarmService "gpu" .*timed out after 4000 ms .*0 of 1 tasks running, waiting: pending on no node: no suitable node \(insufficient resources on 3 nodes\).*The service was removed/);
    expect(await berthServices(manager, project)).toEqual([]);
  });

  it("schedules GPUs from the nodes' generic resources: each task gets one node's GPU", async () => {
    const { id: gpuId, outs: gpuOuts } = await hooks.create(await checked("gpu-ok", { replicas: 3, gpus: 1, readiness: { exec: { command: ["sh", "-c", "test -n \"$DOCKER_RESOURCE_GPU\""] }, periodSeconds: 0.2, deadlineSeconds: 40 } }));
    expect(gpuOuts).toMatchObject({ runningTasks: 3 });
    expect(new Set((gpuOuts.tasks as Array<{ node: string }>).map((t) => t.node)).size).toBe(3);
    await hooks.delete(gpuId, gpuOuts);
  });

  it("fails a create whose tasks keep failing with the task error and node, and leaves nothing", async () => {
    const inputs = await checked("crash", { replicas: 1, command: ["sh", "-c", "echo boom; exit 7"] });
    await expect(hooks.create(inputs)).rejects.toThrow(/SwarmService "crash" .*3 tasks failed; task [0-9a-z]{12} failed on berth-sw[123]: task: non-zero exit \(7\)/);
    expect(await berthServices(manager, project)).toEqual([]);
  });

  it("fails a rolling update without readiness whose new tasks crash after a moment: the swarm's watch stands in for the settle window", async () => {
    const base = { replicas: 2, image: DRAINER, update: fastRoll };
    const { id: crashId, outs: crashOuts } = await hooks.create(await checked("late-crash", base));
    const crashing = await checked("late-crash", { ...base, command: ["sh", "-c", "sleep 0.3; exit 4"] });
    await expect(hooks.update(crashId, crashOuts, crashing)).rejects.toThrow(/SwarmService "late-crash" .*the swarm rolled the update back .*non-zero exit \(4\)/);
    expect((await manager.getService(crashId).inspect()).Spec.TaskTemplate.ContainerSpec.Args).toBeUndefined();
    await hooks.delete(crashId, crashOuts);
  });

  it("adopts its own service when a create is retried", async () => {
    const inputs = await checked("adopt", { replicas: 1 });
    const first = await hooks.create(inputs);
    const second = await hooks.create(inputs);
    expect(second.id).toBe(first.id);
    await hooks.delete(first.id, first.outs);
  });
});
