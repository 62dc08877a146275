import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultHostUrl, extraHostUrls, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";

const containerName = `e2e-shared-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
let hosts: string[];
const programs: PulumiProgram[] = [];

/** A new stack of the persistent program on all three hosts, sharing one container name unless `config` names another. */
async function stack(lifetime: "per_run" | "persistent", config: Record<string, string> = {}): Promise<PulumiProgram> {
  const program = new PulumiProgram("test/e2e/programs/persistent");
  programs.push(program);
  await program.init({ containerName, lifetime, hosts: JSON.stringify(hosts), ...config });
  return program;
}

async function running(): Promise<Array<{ id: string; startedAt: string } | undefined>> {
  return Promise.all(
    hosts.map((url) =>
      testDocker(url)
        .getContainer(containerName)
        .inspect()
        .then((i) => (i.State.Running ? { id: i.Id, startedAt: i.State.StartedAt } : undefined), () => undefined),
    ),
  );
}

beforeAll(() => {
  hosts = [defaultHostUrl(), ...extraHostUrls()];
});

afterAll(async () => {
  for (const program of programs) await program.dispose();
  for (const url of hosts) await testDocker(url).getContainer(containerName).remove({ force: true }).catch(() => undefined);
});

describe("PersistentContainer through the real Pulumi CLI", () => {
  it("an install stack and a run stack share one persistent container; destroy keeps it and says so", async () => {
    const install = await stack("persistent");
    await install.up();
    const launched = await running();
    expect(launched.every(Boolean)).toBe(true);
    expect((await install.outputs()).hostResults.map((r: any) => r.action)).toEqual(["launched", "launched", "launched"]);

    const run = await stack("persistent");
    await run.up();
    expect((await run.outputs()).hostResults.map((r: any) => r.action)).toEqual(["attached", "attached", "attached"]);
    expect(await running()).toEqual(launched);

    const destroyed = await run.destroy();
    expect(destroyed).toContain(`kept container "${containerName}" running on 3 host(s)`);
    expect(await running()).toEqual(launched);

    await install.setConfig("removeOnDestroy", "true");
    await install.up();
    await install.destroy();
    expect((await running()).every((c) => c === undefined)).toBe(true);
  });

  it("warns, without failing, when the hosts' tag has moved on from the image the shared container runs", async () => {
    const name = `${containerName}-stale`;
    const repo = `berth.local/e2e-stale-${process.pid}`;
    const pointTagAt = (source: string) => Promise.all(hosts.map((url) => testDocker(url).getImage(source).tag({ repo, tag: "latest" })));
    try {
      await pointTagAt("berth.local/busybox:latest");
      const install = await stack("persistent", { containerName: name, image: `${repo}:latest`, removeOnDestroy: "true" });
      await install.up();
      await pointTagAt("berth.local/web:latest");

      const run = await stack("persistent", { containerName: name, image: `${repo}:latest` });
      const output = await run.up();
      expect((await run.outputs()).hostResults.map((r: any) => r.action)).toEqual(["attached", "attached", "attached"]);
      for (const url of hosts) {
        expect(output).toContain(`on ${url} the container runs image `);
      }
      expect(output).toMatch(new RegExp(`runs image [0-9a-f]{12}, but \`${repo}:latest\` now points to [0-9a-f]{12} there: it runs a stale image`));

      await run.destroy();
      await install.destroy();
    } finally {
      for (const url of hosts) {
        await testDocker(url).getContainer(name).remove({ force: true }).catch(() => undefined);
        await testDocker(url).getImage(`${repo}:latest`).remove().catch(() => undefined);
      }
    }
  });

  it("a per_run container shows a replacement in every preview, and every up makes it fresh", async () => {
    const perRun = await stack("per_run");
    await perRun.up();
    const first = await running();
    for (let i = 0; i < 2; i++) {
      const preview = await perRun.previewJson();
      const step = preview.steps.find((s) => s.urn.endsWith("::node"))!;
      expect(step.op).toBe("replace");
      expect(step.replaceReasons).toEqual(["runToken"]);
    }
    await perRun.up();
    const second = await running();
    expect(second.every((c, i) => c && c.id !== first[i]!.id)).toBe(true);
    await perRun.destroy();
    expect((await running()).every((c) => c === undefined)).toBe(true);
  });
});
