import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultHostUrl } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";

const ids = ["0", "1", "2", "3"];
let inventory: string;
const programs: PulumiProgram[] = [];

async function stack(count: number): Promise<PulumiProgram> {
  const program = new PulumiProgram("test/e2e/programs/gpu");
  programs.push(program);
  await program.init({ hostUrl: defaultHostUrl(), gpus: inventory, count: String(count) });
  return program;
}

beforeAll(() => {
  const nodes = fs.mkdtempSync(path.join(os.tmpdir(), "berth-gpu-e2e-"));
  for (const id of ids) execFileSync("mknod", [path.join(nodes, `renderD${128 + Number(id)}`), "c", "1", "3"]);
  inventory = JSON.stringify({ vendor: "intel", ids, devices: Object.fromEntries(ids.map((id) => [id, [path.join(nodes, `renderD${128 + Number(id)}`)]])) });
});

afterAll(async () => {
  await Promise.all(programs.map((p) => p.dispose()));
});

describe("GPUs shared by stacks through the real Pulumi CLI", () => {
  it("two stacks brought up at the same time get disjoint GPUs; a third finds none free", async () => {
    const [a, b, c] = [await stack(2), await stack(2), await stack(1)];
    for (let round = 0; round < 2; round++) {
      await Promise.all([a.up(), b.up()]);
      const granted = [...(await a.outputs()).gpuIds, ...(await b.outputs()).gpuIds];
      expect(granted.sort()).toEqual(ids);
      const refused = await c.run(["up", "--yes", "--skip-preview", "--non-interactive"]);
      expect(refused.code).not.toBe(0);
      expect(refused.stdout).toContain("asks for 1 GPU but only 0 of 4 are free");
      await Promise.all([a.destroy(), b.destroy()]);
    }
  });
});
