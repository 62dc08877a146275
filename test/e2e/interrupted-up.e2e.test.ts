import { spawn } from "child_process";
import * as path from "path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { berthObjects, extraHostUrls, sweep, testDocker } from "../support/docker";
import { ensureLargeImage } from "../support/large-image";
import { PulumiProgram } from "../support/pulumi-program";
import { TestRegistry, untag } from "../support/registry";

const docker = testDocker();
const ROOT = path.resolve(__dirname, "../..");
const programs: PulumiProgram[] = [];

// The pulls go to an extra host, which has none of the large image's layers.
const pullHost = extraHostUrls()[0];
const pullDocker = testDocker(pullHost);

afterAll(async () => {
  for (const program of programs) {
    await program.dispose();
    await sweep(docker, program.project);
    await sweep(pullDocker, program.project);
  }
});

async function containersOf(program: PulumiProgram, on = docker): Promise<string[]> {
  return (await on.listContainers({ all: true, filters: { label: [`dev.berth.project=${program.project}`] } })).map((c) => c.Id);
}

/** Resolves once the program has a container on the default daemon: its `up` is then in the readiness gate. */
async function containerExists(program: PulumiProgram): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await containersOf(program)).length > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no container of ${program.project} within 20000 ms`);
}

/** Starts `pulumi up` and sends `signal` to it (SIGKILL: to its whole process group) once `reached` resolves. */
async function interruptedUp(program: PulumiProgram, signal: NodeJS.Signals, reached: () => Promise<void>): Promise<void> {
  const up = spawn("bash", ["-c", 'source "$0/scripts/env.sh" && exec pulumi up --yes --skip-preview --non-interactive', ROOT], {
    cwd: program.dir,
    detached: true,
    env: { ...process.env, PULUMI_BACKEND_URL: `file://${program.dir}/.state`, PULUMI_CONFIG_PASSPHRASE: "e2e", PULUMI_HOME: path.join(program.dir, ".state", "home") },
    stdio: "ignore",
  });
  const closed = new Promise((r) => up.on("close", r));
  try {
    await reached();
  } finally {
    process.kill(signal === "SIGKILL" ? -up.pid! : up.pid!, signal);
    await closed;
  }
}

describe("an interrupted `pulumi up`", () => {
  it("interrupted with SIGINT during the readiness gate, then run again: one container, no duplicate; destroy leaves nothing", async () => {
    const program = new PulumiProgram("test/e2e/programs/interrupt");
    programs.push(program);
    await program.init();
    await interruptedUp(program, "SIGINT", () => containerExists(program));
    expect(await containersOf(program)).toHaveLength(1);
    await program.up();
    const { containerId } = await program.outputs();
    expect(await containersOf(program)).toEqual([containerId]);
    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  });

  it("killed during the readiness gate, then run again: berth adopts its own container instead of starting a second; destroy leaves nothing", async () => {
    const program = new PulumiProgram("test/e2e/programs/interrupt");
    programs.push(program);
    await program.init();
    await interruptedUp(program, "SIGKILL", () => containerExists(program));
    const orphan = await containersOf(program);
    expect(orphan).toHaveLength(1);
    expect((await program.stateResources()).some((r) => r.type.endsWith("berth:Deployment"))).toBe(false);

    // What Pulumi asks of a user after a killed `up`: release its lock, forget the pending create.
    await program.ok(["cancel", "--yes"]);
    await program.ok(["refresh", "--yes", "--skip-preview", "--non-interactive", "--clear-pending-creates"]);
    await program.up();
    const { containerId } = await program.outputs();
    expect(await containersOf(program)).toEqual([containerId]);
    expect(containerId).toBe(orphan[0]);

    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  });
});

describe("a `pulumi up` interrupted during a pull from a registry", { timeout: 360_000 }, () => {
  const MiB = 1024 * 1024;
  // From spawning `pulumi up` to its pull: the CLI, the program and the provider start first, slowly on a loaded machine.
  const START_DEADLINE_MS = 90_000;
  let registry: TestRegistry;
  let reference: string;

  beforeAll(() => {
    registry = TestRegistry.own(`e2e-pull-${process.pid}`, 5321);
    reference = registry.push(ensureLargeImage(100), "team/large:1");
  });
  beforeEach(() => untag(reference, [pullHost]));
  afterAll(() => {
    untag(reference, [pullHost]);
    registry?.dispose();
  });

  async function pullingStack(): Promise<PulumiProgram> {
    const program = new PulumiProgram("test/e2e/programs/large-pull");
    programs.push(program);
    await program.init({ host: pullHost, image: reference, registry: registry.address }, { registryPassword: registry.password() });
    return program;
  }

  /** The run after the interruption: one container, the pulled image's, a clean preview, and nothing left after destroy. */
  async function converges(program: PulumiProgram): Promise<string> {
    await program.up();
    const { containerId } = await program.outputs();
    expect(await containersOf(program, pullDocker)).toEqual([containerId]);
    const image = await pullDocker.getImage(reference).inspect();
    expect((await pullDocker.getContainer(containerId).inspect()).Image).toBe(image.Id);
    expect((await program.previewJson()).steps.filter((s) => s.op !== "same")).toEqual([]);
    await program.destroy();
    expect(await berthObjects(pullDocker, program.project)).toEqual({ containers: [], volumes: [] });
    return containerId;
  }

  it("interrupted with SIGINT inside a layer's download: the create finishes, and the next run changes nothing; destroy leaves nothing", async () => {
    const program = await pullingStack();
    await interruptedUp(program, "SIGINT", () => registry.servedAtLeast(MiB, START_DEADLINE_MS));
    // Pulumi lets the create under way finish before it stops.
    const finished = await containersOf(program, pullDocker);
    expect(finished).toHaveLength(1);
    expect((await program.stateResources()).some((r) => r.type.endsWith("berth:Deployment"))).toBe(true);
    expect(await converges(program)).toBe(finished[0]);
  });

  it("killed inside a layer's download: no container is made, and after Pulumi's recovery steps the next run converges on one", async () => {
    const program = await pullingStack();
    await interruptedUp(program, "SIGKILL", () => registry.servedAtLeast(MiB, START_DEADLINE_MS));
    expect(await containersOf(program, pullDocker)).toEqual([]);
    // The image is not there yet: the kill did land inside the pull.
    await expect(pullDocker.getImage(reference).inspect()).rejects.toMatchObject({ statusCode: 404 });
    await program.ok(["cancel", "--yes"]);
    await program.ok(["refresh", "--yes", "--skip-preview", "--non-interactive", "--clear-pending-creates"]);
    await converges(program);
  });
});
