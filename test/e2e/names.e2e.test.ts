import { afterAll, describe, expect, it } from "vitest";
import { berthObjects, sweep, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";

const docker = testDocker();
// Longer than the readable prefix of a generated name (48 characters): the stack and resource fall off it.
const program = new PulumiProgram("test/e2e/programs/names", { projectLength: 60 });
const STACKS = ["dev", "prod"];

const onStack = (stack: string, args: string[]) => program.ok([...args, "--stack", stack, "--yes", "--skip-preview", "--non-interactive"]);

afterAll(async () => {
  for (const stack of STACKS) await program.run(["destroy", "--stack", stack, "--yes", "--skip-preview", "--non-interactive"]);
  await program.dispose();
  await sweep(docker, program.project);
});

describe("generated names on one host", () => {
  it("are unique per project, stack and resource with a 60-character project name, for dev and prod at once", async () => {
    expect(program.project).toHaveLength(60);
    for (const stack of STACKS) await program.ok(["stack", "init", stack]);
    await Promise.all(STACKS.map((stack) => onStack(stack, ["up"])));

    const names = await Promise.all(STACKS.map(async (stack) => JSON.parse(await program.ok(["stack", "output", "names", "--json", "--stack", stack])) as string[]));
    const all = names.flat();
    expect(all).toHaveLength(8);
    expect(new Set(all).size).toBe(8);
    const onHost = await berthObjects(docker, program.project);
    expect([...onHost.volumes, ...onHost.containers].sort()).toEqual([...all].sort());

    for (const stack of STACKS) await onStack(stack, ["destroy"]);
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  });
});
