import * as fs from "fs";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { berthObjects, sweep, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";

const docker = testDocker();
const FIXTURES = path.join(__dirname, "fixtures");
const programs: PulumiProgram[] = [];

interface RecordedState {
  berthVersion: string;
  project: string;
  stack: string;
  state: unknown;
  containers: Array<{ id: string; name: string; image: string; cmd: string[] | null; entrypoint: string[] | null; labels: Record<string, string> }>;
  volumes: Array<{ name: string; labels: Record<string, string> }>;
}

afterAll(async () => {
  for (const program of programs) {
    await program.dispose();
    await sweep(docker, program.project);
  }
});

/**
 * A recorded stack under this test's own project name (so that parallel runs
 * never meet), with the Docker objects it names made again with the recorded
 * names, images, commands and labels. Docker gives the containers new ids:
 * those are the only values of the recorded state that change.
 */
async function replay(recorded: RecordedState, project: string): Promise<string> {
  let state = JSON.stringify(recorded.state).split(recorded.project).join(project);
  const rename = (value: string) => value.split(recorded.project).join(project);
  const relabel = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, rename(v)]));
  for (const volume of recorded.volumes) await docker.createVolume({ Name: rename(volume.name), Labels: relabel(volume.labels) });
  for (const recordedContainer of recorded.containers) {
    const container = await docker.createContainer({
      name: rename(recordedContainer.name),
      Image: recordedContainer.image,
      ...(recordedContainer.cmd ? { Cmd: recordedContainer.cmd } : {}),
      ...(recordedContainer.entrypoint ? { Entrypoint: recordedContainer.entrypoint } : {}),
      Labels: relabel(recordedContainer.labels),
    });
    await container.start();
    state = state.split(recordedContainer.id).join(container.id);
  }
  return state;
}

const recordings = fs.readdirSync(FIXTURES).filter((file) => /^state-.+\.json$/.test(file));

describe.each(recordings)("a stack recorded by an earlier berth release (%s)", (file) => {
  it("is refreshed, previewed and destroyed by this release, leaving nothing", async () => {
    const recorded: RecordedState = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), "utf8"));
    const program = new PulumiProgram("test/e2e/programs/recorded", { stack: recorded.stack });
    programs.push(program);
    // The recording's secrets (e.g. empty TLS material) are encrypted under its own passphrase.
    const env = { PULUMI_CONFIG_PASSPHRASE: "fixture" };
    await program.ok(["stack", "init", recorded.stack], env);
    const stateFile = path.join(program.dir, "recorded.json");
    fs.writeFileSync(stateFile, await replay(recorded, program.project));
    await program.ok(["stack", "import", "--file", stateFile], env);

    await program.ok(["refresh", "--yes", "--skip-preview", "--non-interactive"], env);
    const exported = JSON.parse(await program.ok(["stack", "export"], env));
    const kept = exported.deployment.resources.filter((r: { type: string }) => r.type.startsWith("pulumi-nodejs:dynamic/berth:")).map((r: { urn: string }) => r.urn.split("::").pop());
    expect(kept.sort()).toEqual(["data", "fill", "shared", "web"]);
    await program.ok(["preview", "--non-interactive"], env);
    await program.ok(["destroy", "--yes", "--skip-preview", "--non-interactive"], env);
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  });
});
