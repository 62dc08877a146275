import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweep, testDocker } from "../support/docker";
import { PulumiProgram, type RunResult } from "../support/pulumi-program";

const ROOT = path.resolve(__dirname, "../..");
const BERTH = path.join(ROOT, "dist", "cli", "main.js");
const docker = testDocker();
const program = new PulumiProgram("test/e2e/programs/cli-orphan");
// The file backend PulumiProgram gives the copy (see its constructor).
const stateDir = path.join(program.dir, ".state");
const pulumiEnv = { PULUMI_BACKEND_URL: `file://${stateDir}`, PULUMI_CONFIG_PASSPHRASE: "e2e", PULUMI_HOME: path.join(stateDir, "home") };

/** Runs a command with berth's environment (scripts/env.sh puts `pulumi` on PATH) and the program's backend. */
function run(command: string, args: string[]): { child: ReturnType<typeof spawn>; done: Promise<RunResult> } {
  const child = spawn("bash", ["-c", 'source "$0/scripts/env.sh" && exec "$@"', ROOT, command, ...args], {
    cwd: program.dir,
    env: { ...process.env, ...pulumiEnv, NO_COLOR: "1" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const done = new Promise<RunResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
  return { child, done };
}

/** The compiled CLI, as the package's `berth` bin runs it. */
const berth = (...args: string[]) => run("node", [BERTH, ...args]).done;

/** A process and all its descendants; Pulumi starts its plugins in process groups of their own, so killing a group is not enough. */
function processTree(root: number): number[] {
  const table = execFileSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number));
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of table) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

async function runningContainerOf(resource: string, deadlineMs: number): Promise<string> {
  const filters = { label: [`dev.berth.project=${program.project}`, `dev.berth.resource=${resource}`], status: ["running"] };
  for (const started = Date.now(); Date.now() - started < deadlineMs; await new Promise((r) => setTimeout(r, 250))) {
    const [container] = await docker.listContainers({ filters });
    if (container) return container.Id;
  }
  throw new Error(`no running container of \`${resource}\` within ${deadlineMs} ms`);
}

/** `pulumi up` killed with SIGKILL, whole process tree, while `stuck` waits in its readiness gate. */
async function interruptedUp(): Promise<string> {
  const up = run("pulumi", ["up", "--yes", "--skip-preview", "--non-interactive"]);
  try {
    return await runningContainerOf("stuck", 120_000);
  } finally {
    for (const pid of processTree(up.child.pid!)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ESRCH") throw err;
      }
    }
    await up.done;
  }
}

/** The table rows of berth's output whose first column matches. */
const rows = (stdout: string, first: RegExp) =>
  stdout
    .split("\n")
    .filter((line) => first.test(line))
    .map((line) => line.split(/\s{2,}/));
const gcRows = (stdout: string) => rows(stdout, /^(keep|would remove|remove)\s/);

beforeAll(async () => {
  if (!fs.existsSync(BERTH)) throw new Error(`${BERTH} is missing: run \`npm run build\` first`);
  await program.init({ stuck: "false" });
  await program.up();
}, 300_000);

afterAll(async () => {
  await program.run(["cancel", "--yes"]);
  await program.dispose();
  await sweep(docker, program.project);
}, 300_000);

describe("berth gc after an interrupted `pulumi up`", () => {
  it("keeps the orphan while the stack is locked, then lists and removes it, keeping what state references", async () => {
    const { keptContainerId, volumeName } = await program.outputs();
    await program.setConfig("stuck", "true");
    const stuckId = await interruptedUp();
    const stuckName = (await docker.getContainer(stuckId).inspect()).Name.slice(1);
    expect((await program.stateResources()).map((r) => r.outputs?.containerId)).not.toContain(stuckId);

    const locked = await berth("gc", "--dry-run", "--project", program.project);
    expect(locked.stderr).toBe("");
    expect(locked.stdout).toContain(`Read 1 stack from the Pulumi CLI's backend file://${stateDir}`);
    expect(gcRows(locked.stdout).map((r) => [r[0], r[3], r[7]])).toEqual([
      ["keep", stuckName, `stack \`${program.project}/e2e\` is locked by an update; if none is running, run \`pulumi cancel\` on it first`],
    ]);

    await program.ok(["cancel", "--yes"]);
    const interrupted = `its create in stack \`${program.project}/e2e\` was interrupted`;
    for (const source of [[], ["--state-dir", stateDir]]) {
      const dryRun = await berth("gc", "--dry-run", "--project", program.project, ...source);
      expect(dryRun.code).toBe(0);
      expect(gcRows(dryRun.stdout).map((r) => [r[0], r[2], r[3], r[7]])).toEqual([["would remove", "container", stuckName, interrupted]]);
    }
    await expect(docker.getContainer(stuckId).inspect()).resolves.toMatchObject({ Id: stuckId });

    const gc = await berth("gc", "--project", program.project);
    expect(gc.code).toBe(0);
    expect(gc.stdout).toContain(`removed container ${stuckName} on unix:///var/run/docker.sock`);
    await expect(docker.getContainer(stuckId).inspect()).rejects.toMatchObject({ statusCode: 404 });
    await expect(docker.getContainer(keptContainerId).inspect()).resolves.toMatchObject({ State: { Running: true } });
    await expect(docker.getVolume(volumeName).inspect()).resolves.toMatchObject({ Name: volumeName });

    const ps = await berth("ps", "--project", program.project);
    expect(ps.code).toBe(0);
    expect(rows(ps.stdout, new RegExp(`^${program.project}/`)).map((r) => [r[1], r[6]])).toEqual([
      ["data", "in use"],
      ["kept", expect.stringMatching(/^Up /)],
    ]);
  }, 300_000);
});
