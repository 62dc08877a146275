import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badInputs, bases, type Kind } from "../support/bad-inputs";
import { berthObjects, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";
import { literally } from "../support/regexp";

// Previews run three at a time, each stack on its own, to keep the suite short on two cores.
const programs = [1, 2, 3].map(() => new PulumiProgram("test/e2e/programs/bad-inputs"));
const cases = (Object.keys(badInputs) as Kind[]).flatMap((kind) => badInputs[kind].map((c) => ({ kind, ...c })));

beforeAll(() => Promise.all(programs.map((p) => p.init())));
afterAll(() => Promise.all(programs.map((p) => p.dispose())));


describe("bad inputs through the real `pulumi preview`", () => {
  it(`every one of the ${cases.length} bad inputs of every resource and component: names the property, says what to write, creates nothing`, async () => {
    const queue = [...cases];
    const misses: string[] = [];
    await Promise.all(
      programs.map(async (program) => {
        for (let c = queue.shift(); c; c = queue.shift()) {
          const env = { BERTH_BAD_INPUT_KIND: c.kind, BERTH_BAD_INPUT_ARGS: JSON.stringify({ ...bases[c.kind], ...c.change }) };
          const { code, stdout, stderr } = await program.run(["preview", "--non-interactive"], env);
          // A resource's check failure reads "property P value … has a problem: R"; a component's "property P: R".
          const said = new RegExp(`property ${literally(c.property)}(?: value [^\\n]* has a problem)?: [^\\n]*${c.reason.source}`);
          if (code === 0 || !said.test(stdout + stderr)) misses.push(`${c.kind}, ${c.what} (exit ${code}):\n${(stdout + stderr).slice(-1200)}`);
        }
      }),
    );
    expect(misses).toEqual([]);
    for (const program of programs) expect(await berthObjects(testDocker(), program.project)).toEqual({ containers: [], volumes: [] });
  }, 1_500_000);
});
