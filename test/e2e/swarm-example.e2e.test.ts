import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Docker from "dockerode";
import { PulumiProgram } from "../support/pulumi-program";
import { acquireSwarm, berthServices, swarmNode, sweepServices } from "../support/swarm";

let program: PulumiProgram;
let manager: Docker;
let managerUrl: string;

beforeAll(() => {
  [managerUrl] = acquireSwarm();
  manager = swarmNode(managerUrl);
}, 180_000);

afterAll(async () => {
  await program?.dispose();
  if (program) await sweepServices(manager, program.project);
});

describe("examples/swarm-inference through the real Pulumi CLI", () => {
  it("runs 3 GPU replicas, one per node, each ready with the model and a GPU of its own; destroy leaves no service", async () => {
    program = new PulumiProgram("examples/swarm-inference");
    await program.init({ manager: managerUrl });
    await program.up();
    const outputs = await program.outputs();
    expect(outputs.runningTasks).toBe(3);
    expect(outputs.nodes).toEqual(["berth-sw1", "berth-sw2", "berth-sw3"]);
    expect(outputs.gpus).toEqual(["GPU-sw1", "GPU-sw2", "GPU-sw3"]);
    await program.destroy();
    expect(await berthServices(manager, program.project)).toEqual([]);
  });
});
