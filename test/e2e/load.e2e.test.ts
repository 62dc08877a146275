import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { berthObjects, defaultHostUrl, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";

// CI keeps this small; BERTH_LOAD_DEPLOYMENTS=50 BERTH_LOAD_ROUNDS=3 is the larger run (see docs/guarantees.md).
const PER_STACK = Number(process.env.BERTH_LOAD_DEPLOYMENTS ?? 4);
const ROUNDS = Number(process.env.BERTH_LOAD_ROUNDS ?? 2);
const GPUS = Array.from({ length: PER_STACK * 2 }, (_, i) => String(i));
const programs: PulumiProgram[] = [];
let inventory: string;

beforeAll(() => {
  const nodes = fs.mkdtempSync(path.join(os.tmpdir(), "berth-load-"));
  for (const id of GPUS) execFileSync("mknod", [path.join(nodes, `renderD${128 + Number(id)}`), "c", "1", "3"]);
  inventory = JSON.stringify({ vendor: "intel", ids: GPUS, devices: Object.fromEntries(GPUS.map((id) => [id, [path.join(nodes, `renderD${128 + Number(id)}`)]])) });
});

afterAll(async () => {
  await Promise.all(programs.map((p) => p.dispose()));
});

async function stack(): Promise<PulumiProgram> {
  const program = new PulumiProgram("test/e2e/programs/load");
  programs.push(program);
  await program.init({
    hostUrl: defaultHostUrl(),
    portRange: JSON.stringify({ from: 28000, to: 28000 + PER_STACK * 3 + 5 }),
    gpus: inventory,
    count: String(PER_STACK),
    gpusEach: "1",
  });
  return program;
}

describe("three stacks sharing one host's port range and GPU inventory", () => {
  it(`bring up ${PER_STACK} deployments each at once, ${ROUNDS} times: no port or GPU twice, only exhaustion errors, nothing leaked`, async () => {
    const stacks = [await stack(), await stack(), await stack()];
    for (let round = 0; round < ROUNDS; round++) {
      const results = await Promise.all(stacks.map((s) => s.run(["up", "--yes", "--skip-preview", "--non-interactive", "--parallel", "16"])));
      const ports: number[] = [];
      const gpus: string[] = [];
      for (const [i, result] of results.entries()) {
        const state = await stacks[i].stateResources();
        for (const r of state.filter((r) => r.type.endsWith("berth:Deployment"))) {
          ports.push(r.outputs!.hostPorts.http);
          gpus.push(...r.outputs!.gpuIds);
        }
        if (result.code !== 0) {
          const errors = (result.stdout.match(/error: .*Deployment "web-\d+".*/g) ?? []).filter((e) => !e.includes("update failed"));
          for (const error of errors) expect(error).toMatch(/asks for 1 GPU but only 0 of \d+ are free|no free port left/);
        }
      }
      expect(new Set(ports).size).toBe(ports.length);
      expect(new Set(gpus).size).toBe(gpus.length);
      expect(gpus.length).toBe(Math.min(GPUS.length, PER_STACK * 3));
      await Promise.all(stacks.map((s) => s.destroy()));
      for (const s of stacks) expect(await berthObjects(testDocker(), s.project)).toEqual({ containers: [], volumes: [] });
    }
  });
});
