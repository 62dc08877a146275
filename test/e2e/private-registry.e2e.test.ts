import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { berthObjects, defaultHostUrl, extraHostUrls, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";
import { TestRegistry, untag } from "../support/registry";

const hosts = [defaultHostUrl(), ...extraHostUrls()];
const registry = TestRegistry.shared();
const reference = registry.push("berth.local/web:latest", `team/app-${process.pid}:1`);
const programs: PulumiProgram[] = [];

async function stack(config: { image?: string; registry?: string; password: string }): Promise<PulumiProgram> {
  const program = new PulumiProgram("test/e2e/programs/registry");
  programs.push(program);
  await program.init(
    { hosts: JSON.stringify(hosts), image: config.image ?? reference, registry: config.registry ?? registry.address, containerName: `${program.project}-node` },
    { registryPassword: config.password },
  );
  return program;
}

async function leftovers(project: string): Promise<string[]> {
  const found = await Promise.all(hosts.map(async (url) => (await berthObjects(testDocker(url), project)).containers));
  return found.flat();
}

beforeAll(() => untag(reference, hosts));
afterAll(async () => {
  for (const program of programs) await program.dispose();
  untag(reference, hosts);
  registry.dispose();
});

describe("a private registry through the real Pulumi CLI", () => {
  it("refuses a wrong password naming the registry's refusal, never showing it, and leaves nothing", async () => {
    const wrong = "not-the-password-41";
    const program = await stack({ password: wrong });
    const up = await program.run(["up", "--yes", "--skip-preview", "--non-interactive"]);
    expect(up.code).not.toBe(0);
    const output = up.stdout + up.stderr;
    expect(output).toMatch(new RegExp(`could not pull image "${reference.replace(/\./g, "\\.")}".*(unauthorized|authentication required|no basic auth credentials)`, "i"));
    expect(output).not.toContain(wrong);
    expect(await leftovers(program.project)).toEqual([]);
  });

  it("pulls with the credentials on three hosts, serves, and keeps the password out of state, output and previews", async () => {
    const password = registry.password();
    const program = await stack({ password });
    const up = await program.up();
    const outputs = await program.outputs();
    expect(await (await fetch(outputs.endpoint)).text()).toContain("berth");
    expect(outputs.jobExitCode).toBe(0);
    const ids = new Set((outputs.hostResults as Array<{ imageId: string }>).map((r) => r.imageId));
    expect(ids.size).toBe(1);
    expect(outputs.hostResults).toHaveLength(3);
    const preview = await program.previewJson();
    expect(preview.steps.filter((s) => s.op !== "same")).toEqual([]);
    expect(up).not.toContain(password);
    expect(await program.ok(["stack", "export"])).not.toContain(password);
    expect(await program.previewDiff()).not.toContain(password);
    await program.destroy();
    expect(await leftovers(program.project)).toEqual([]);
  });

  it("fails within a bounded time naming a registry that is down, and converges once it is back", async () => {
    const port = 5312;
    const own = TestRegistry.own(`e2e-${process.pid}`, port);
    try {
      const image = own.push("berth.local/web:latest", "team/app:1");
      const program = await stack({ image, registry: own.address, password: own.password() });
      own.kill();
      const started = Date.now();
      const up = await program.run(["up", "--yes", "--skip-preview", "--non-interactive"]);
      expect(up.code).not.toBe(0);
      expect(up.stdout + up.stderr).toMatch(new RegExp(`could not pull image "${image.replace(/\./g, "\\.")}".*127\\.0\\.0\\.1:${port}.*(connection refused|connect)`, "i"));
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(await leftovers(program.project)).toEqual([]);
      own.restart(port);
      await program.up();
      expect((await program.previewJson()).steps.filter((s) => s.op !== "same")).toEqual([]);
      await program.destroy();
      expect(await leftovers(program.project)).toEqual([]);
      untag(image, hosts);
    } finally {
      own.dispose();
    }
  });
});
