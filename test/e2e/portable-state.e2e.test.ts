import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { berthObjects, sweep, testDocker } from "../support/docker";
import { packedBerth } from "../support/packed-berth";
import { PulumiProgram } from "../support/pulumi-program";

const ROOT = path.resolve(__dirname, "../..");
const docker = testDocker();
const programs: PulumiProgram[] = [];
/** The supported `@pulumi/pulumi` range's ends that run on this Node.js (README, "Supported versions"). */
const OLDEST_PULUMI = "3.216.0";
const NEWEST_PULUMI = "3.248.0";
const USER_DEV_DEPENDENCIES = { typescript: "~5.9.3", "@types/node": "^20.19.0" };
/** npm installs and a dozen CLI commands on a type-checked program: minutes, not seconds. */
const WORKFLOW_MS = 600_000;

afterAll(async () => {
  for (const program of programs) {
    await program.dispose();
    await sweep(docker, program.project);
  }
});

/** The team program in a user's project outside the repository, with berth from its tarball beside the user's own @pulumi/pulumi. */
async function userProject(pulumiVersion: string, source = "test/e2e/programs/team", berth?: string): Promise<PulumiProgram> {
  const program = new PulumiProgram(source, { outsideRepository: true });
  programs.push(program);
  await program.install({ "pulumi-berth": berth ?? `file:${await packedBerth()}`, "@pulumi/pulumi": pulumiVersion }, USER_DEV_DEPENDENCIES);
  return program;
}

/** Every folder where a copy of @pulumi/pulumi is installed in the project. */
async function pulumiCopies(program: PulumiProgram): Promise<string[]> {
  return (await program.npm(["ls", "@pulumi/pulumi", "--all", "--parseable"])).trim().split("\n").filter(Boolean);
}

function replaceInProgram(program: PulumiProgram, from: string, to: string): void {
  const file = path.join(program.dir, "index.ts");
  const text = fs.readFileSync(file, "utf8");
  expect(text).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
}

describe("a stack outlives the checkout that created it", () => {
  it("comes up in one folder, then is previewed, refreshed, changed and destroyed from another with a later berth release", async () => {
    const program = await userProject(NEWEST_PULUMI);
    expect(await pulumiCopies(program)).toEqual([path.join(program.dir, "node_modules", "@pulumi", "pulumi")]);
    await program.init();
    await program.up();
    const exported = await program.ok(["stack", "export"]);
    expect(exported).not.toContain(program.dir);
    expect(exported).not.toContain(ROOT);
    expect(exported).not.toContain(os.homedir());

    // A colleague's checkout: another folder (the first one is gone) with a later berth installed.
    const firstFolder = program.dir;
    program.moveTo(path.join(os.tmpdir(), "berth-e2e", `${program.project}-colleague`));
    expect(fs.existsSync(firstFolder)).toBe(false);
    await program.npm(["install", `pulumi-berth@file:${await packedBerth("99.0.0")}`]);
    await program.ok(["stack", "select", program.stack]);
    expect(JSON.parse(fs.readFileSync(path.join(program.dir, "node_modules", "pulumi-berth", "package.json"), "utf8")).version).toBe("99.0.0");

    // CI's gate: nothing changed, persistent and no_launch containers and the cluster included.
    await program.ok(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
    await program.ok(["preview", "--expect-no-changes", "--non-interactive"]);
    await program.refresh();
    await program.ok(["up", "--yes", "--skip-preview", "--expect-no-changes", "--non-interactive"]);

    // The pull-request workflow: a branch changes one env value; its preview against main's state shows exactly that.
    replaceInProgram(program, `GREETING: "hello"`, `GREETING: "hi"`);
    const diff = await program.ok(["preview", "--diff", "--refresh", "--non-interactive"]);
    expect(diff).toMatch(/GREETING\s*:\s*"hello" => "hi"/);
    expect(diff).toMatch(/\+-1 to replace/);
    const steps = (await program.previewJson()).steps.filter((s) => s.op !== "same");
    expect(steps.map((s) => [s.op, s.urn.split("::").pop(), s.replaceReasons])).toEqual([["replace", "web", ["env"]]]);
    await program.up();

    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  }, WORKFLOW_MS);

  it("installs beside the oldest supported @pulumi/pulumi and goes through up, a quiet preview and destroy", async () => {
    const program = await userProject(OLDEST_PULUMI);
    expect(await pulumiCopies(program)).toEqual([path.join(program.dir, "node_modules", "@pulumi", "pulumi")]);
    await program.init();
    await program.up();
    await program.ok(["preview", "--expect-no-changes", "--non-interactive"]);
    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  }, WORKFLOW_MS);

  it("installs from a git URL, its prepare script building dist, and brings the quickstart up and down", async () => {
    // npm clones the repository's committed HEAD, installs its dev dependencies and runs `prepare` there.
    const program = await userProject(NEWEST_PULUMI, "examples/quickstart", `git+file://${ROOT}`);
    expect(fs.existsSync(path.join(program.dir, "node_modules", "pulumi-berth", "dist", "provider", "provider-hooks.js"))).toBe(true);
    await program.init();
    await program.up();
    const { endpoint } = await program.outputs();
    expect(await (await fetch(endpoint)).text()).toContain("berth");
    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  }, WORKFLOW_MS);
});
