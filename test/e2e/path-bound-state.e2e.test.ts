import * as fs from "fs";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { berthObjects, sweep, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";

const ROOT = path.resolve(__dirname, "../..");
const docker = testDocker();
const programs: PulumiProgram[] = [];
/** Providers as berth 0.1.0 stored them: each captured the absolute path of the hooks module in the folder that ran `pulumi up`. */
const PATH_BOUND: Record<string, string> = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "path-bound-providers.json"), "utf8"));
const KINDS: Record<string, string> = { Volume: "volume", Deployment: "deployment", Job: "job", PersistentContainer: "persistent-container" };

afterAll(async () => {
  for (const program of programs) {
    await program.dispose();
    await sweep(docker, program.project);
  }
});

async function teamStack(): Promise<PulumiProgram> {
  const program = new PulumiProgram("test/e2e/programs/team");
  programs.push(program);
  await program.init();
  await program.up();
  return program;
}

/** Rewrites the stack's state as berth 0.1.0 would have written it in a folder that no longer exists. */
async function storePathBoundProviders(program: PulumiProgram): Promise<number> {
  const exported = JSON.parse(await program.ok(["stack", "export"]));
  let rewritten = 0;
  for (const resource of exported.deployment.resources) {
    const kind = KINDS[String(resource.type).replace("pulumi-nodejs:dynamic/berth:", "")];
    if (!kind || !resource.outputs?.__provider) continue;
    resource.inputs.__provider = PATH_BOUND[kind];
    resource.outputs.__provider = PATH_BOUND[kind];
    rewritten++;
  }
  const file = path.join(program.dir, "path-bound.json");
  fs.writeFileSync(file, JSON.stringify(exported));
  await program.ok(["stack", "import", "--file", file]);
  return rewritten;
}

describe("a stack written before berth stored portable providers", () => {
  it("fails to refresh while its state names a folder that is gone, is repaired by one `pulumi up`, then refreshes and destroys from here", async () => {
    const program = await teamStack();
    const berthResources = await storePathBoundProviders(program);
    expect(berthResources).toBe(7);

    const refresh = await program.run(["refresh", "--yes", "--skip-preview", "--non-interactive"]);
    expect(refresh.code).not.toBe(0);
    expect(refresh.stdout + refresh.stderr).toContain("Cannot find module '/home/alice/berth/dist/provider/");

    const repair = await program.up();
    expect(repair).toContain(`${berthResources} updated`);
    const repaired = await program.ok(["stack", "export"]);
    expect(repaired).not.toContain("/home/alice/berth");

    await program.ok(["preview", "--expect-no-changes", "--non-interactive"]);
    await program.refresh();
    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  });

  it("is destroyed from here after the documented one-line rewrite, as a stack whose resources left the program must be", async () => {
    const program = await teamStack();
    await storePathBoundProviders(program);
    // docs/state.md, for a checkout of berth itself: point the stored paths at this checkout's dist.
    const oneLiner = `pulumi stack export | sed "s#\\"/[^\\"]*/dist/provider/#\\"${ROOT}/dist/provider/#g" | pulumi stack import`;
    await program.shell(oneLiner);
    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  });
});
