import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Docker from "dockerode";
import { PulumiProgram } from "../support/pulumi-program";
import { acquireSwarm, berthServices, swarmNode, sweepServices } from "../support/swarm";

const program = new PulumiProgram("test/e2e/programs/swarm");
const TOKEN = "sw4rm-t0ken-value";
const SWARM_SERVICE = "pulumi-nodejs:dynamic/berth:SwarmService";
// Several `pulumi` commands per test, each 5–40 s on two busy cores.
const SLOW = 300_000;
let manager: Docker;

beforeAll(async () => {
  const [managerUrl] = acquireSwarm();
  manager = swarmNode(managerUrl);
  await program.init({ manager: managerUrl }, { token: TOKEN });
  await program.up();
}, 240_000);

afterAll(async () => {
  await program.dispose();
  await sweepServices(manager, program.project);
});

async function runningImages(serviceId: string): Promise<string[]> {
  const tasks = await manager.listTasks({ filters: { service: [serviceId], "desired-state": ["running"] } });
  return tasks.filter((t) => t.Status?.State === "running").map((t) => t.Spec?.ContainerSpec?.Image as string);
}

describe("SwarmService through the real Pulumi CLI", () => {
  it("creates the service gated on every task, spread over the swarm, its secret env value encrypted in state", async () => {
    const { serviceId, runningTasks, nodes } = await program.outputs();
    expect(runningTasks).toBe(3);
    expect(new Set(nodes).size).toBeGreaterThan(1);
    expect(await runningImages(serviceId)).toEqual(["berth.local/web:latest", "berth.local/web:latest", "berth.local/web:latest"]);
    expect(await program.ok(["stack", "export"])).not.toContain(TOKEN);
  }, SLOW);

  it("shows no changes in a preview right after `up`, though the swarm filled in its defaults", async () => {
    const preview = await program.previewJson();
    expect(preview.steps.filter((s) => s.op !== "same")).toEqual([]);
  }, SLOW);

  it("scales and rolls an image update in place: the same service, every task on the new image", async () => {
    const { serviceId } = await program.outputs();
    await program.setConfig("replicas", "5");
    const preview = await program.previewJson();
    expect(preview.steps.find((s) => s.urn.endsWith("::web"))).toMatchObject({ op: "update" });
    await program.up();
    expect((await program.outputs()).runningTasks).toBe(5);
    await program.setConfig("image", "berth.local/drainer:latest");
    await program.up();
    const after = await program.outputs();
    expect(after.serviceId).toBe(serviceId);
    expect(await runningImages(serviceId)).toEqual(Array(5).fill("berth.local/drainer:latest"));
  }, SLOW);

  it("fails an `up` whose new tasks never become ready, naming the task error and node, the service back on its previous spec", async () => {
    const { serviceId } = await program.outputs();
    await program.setConfig("broken", "true");
    const failed = await program.run(["up", "--yes", "--skip-preview", "--non-interactive"]);
    expect(failed.code).not.toBe(0);
    expect(failed.stdout).toMatch(/SwarmService "web" on swarm manager .*: the swarm rolled the update back .*task [0-9a-z]{12} failed on berth-sw[123]: task: non-zero exit \(3\)/);
    const service = await manager.getService(serviceId).inspect();
    expect(service.Spec.TaskTemplate.ContainerSpec.Args).toBeUndefined();
    expect(await runningImages(serviceId)).toEqual(Array(5).fill("berth.local/drainer:latest"));
    await program.setConfig("broken", "false");
    const preview = await program.previewJson();
    expect(preview.steps.filter((s) => s.op !== "same")).toEqual([]);
  }, SLOW);

  it("sees a service scaled behind berth's back on refresh, and undoes it on the next `up`", async () => {
    const { serviceId } = await program.outputs();
    const service = await manager.getService(serviceId).inspect();
    await manager.getService(serviceId).update({ ...service.Spec, Mode: { Replicated: { Replicas: 1 } }, version: service.Version.Index } as never);
    await program.refresh();
    const preview = await program.previewJson();
    expect(preview.steps.find((s) => s.urn.endsWith("::web"))).toMatchObject({ op: "update" });
    await program.up();
    expect((await program.outputs()).runningTasks).toBe(5);
  }, SLOW);

  it("fails a service no node has GPUs for at its deadline with the scheduler's reason, leaving nothing of it", async () => {
    await program.setConfig("gpuPending", "true");
    const failed = await program.run(["up", "--yes", "--skip-preview", "--non-interactive"]);
    expect(failed.code).not.toBe(0);
    expect(failed.stdout).toMatch(/SwarmService "trainer" .*no suitable node \(insufficient resources on 3 nodes\)/);
    expect((await program.stateResources()).filter((r) => r.type === SWARM_SERVICE)).toHaveLength(1);
    expect(await berthServices(manager, program.project)).toHaveLength(1);
    await program.setConfig("gpuPending", "false");
  }, SLOW);

  it("destroy removes the service and its tasks", async () => {
    const { serviceId } = await program.outputs();
    await program.destroy();
    expect(await berthServices(manager, program.project)).toEqual([]);
    expect((await manager.listTasks()).filter((t) => t.ServiceID === serviceId)).toEqual([]);
  }, SLOW);
});
