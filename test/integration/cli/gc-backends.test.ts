import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { berthObjects, defaultHostUrl, sweep, testDocker, uniqueProject } from "../../support/docker";
import { writeFileBackend } from "./file-backend";
import { labelledContainer, labelledVolume, runCli } from "./run-cli";

// Two teams share one host, each with a backend of its own: gc run with one team's state must leave the other's alone.
const LOCAL = defaultHostUrl();
const docker = testDocker();
const teamA = uniqueProject("it-gc-team-a");
const teamB = uniqueProject("it-gc-team-b");
const backendA = fs.mkdtempSync(path.join(os.tmpdir(), "berth-gc-a-"));
const backendB = fs.mkdtempSync(path.join(os.tmpdir(), "berth-gc-b-"));
const names: Record<string, string> = {};

beforeAll(async () => {
  const aLive = await labelledContainer(docker, { project: teamA, resource: "web" });
  names.aLive = aLive.Name.slice(1);
  names.aOrphan = (await labelledContainer(docker, { project: teamA, resource: "old" })).Name.slice(1);
  const bLive = await labelledContainer(docker, { project: teamB, stack: "prod", resource: "api" });
  names.bLive = bLive.Name.slice(1);
  names.bData = await labelledVolume(docker, teamB, "data", "prod");
  names.bOrphan = (await labelledContainer(docker, { project: teamB, stack: "prod", resource: "gone" })).Name.slice(1);
  writeFileBackend(backendA, teamA, "test", [{ type: "Deployment", name: "web", id: aLive.Id, outputs: { containerId: aLive.Id } }]);
  writeFileBackend(backendB, teamB, "prod", [
    { type: "Deployment", name: "api", id: bLive.Id, outputs: { containerId: bLive.Id } },
    { type: "Volume", name: "data", id: names.bData, outputs: { volumeName: names.bData } },
  ]);
});

afterAll(async () => {
  await sweep(docker, teamA);
  await sweep(docker, teamB);
  fs.rmSync(backendA, { recursive: true, force: true });
  fs.rmSync(backendB, { recursive: true, force: true });
});

/** Rows of gc's table about the two teams' objects: [action, name, owner, reason]. */
const rowsOf = (stdout: string) =>
  stdout
    .split("\n")
    .filter((line) => (line.includes(teamA) || line.includes(teamB)) && !line.startsWith("removed") && !line.startsWith("Unknown"))
    .map((line) => line.split(/\s{2,}/))
    .map((cells) => [cells[0], cells[3], cells[4], cells[7]])
    .sort((a, b) => a[1].localeCompare(b[1]));

const unknownB = `unknown: project \`${teamB}\` has no stack in the state read; pass \`--project ${teamB}\` to remove it`;

async function left() {
  const [a, b] = await Promise.all([berthObjects(docker, teamA), berthObjects(docker, teamB)]);
  return [...a.containers, ...a.volumes, ...b.containers, ...b.volumes].sort();
}

describe("berth gc on a host that two backends share", () => {
  it("lists the other backend's objects as unknown and keeps them, in a dry run over the whole host", async () => {
    const { code, stdout } = await runCli(["gc", "--dry-run", "--host", LOCAL, "--state-dir", backendA]);
    expect(code).toBe(0);
    expect(rowsOf(stdout)).toEqual(
      [
        ["would remove", names.aOrphan, `${teamA}/test`, `not in the state of stack \`${teamA}/test\``],
        ["keep", names.bLive, `${teamB}/prod`, unknownB],
        ["keep", names.bData, `${teamB}/prod`, unknownB],
        ["keep", names.bOrphan, `${teamB}/prod`, unknownB],
      ].sort((a, b) => a[1].localeCompare(b[1])),
    );
    expect(stdout).toMatch(new RegExp(`Unknown projects, kept: .*\`${teamB}\``));
  });

  it("with both backends read, removes only what neither references", async () => {
    const { code, stdout } = await runCli(["gc", "--dry-run", "--host", LOCAL, "--project", teamB, "--state-dir", backendA, "--state-dir", backendB]);
    expect(code).toBe(0);
    expect(rowsOf(stdout)).toEqual([["would remove", names.bOrphan, `${teamB}/prod`, `not in the state of stack \`${teamB}/prod\``]]);
  });

  it("removes the orphans of the project it knows and nothing of the other", async () => {
    // Only ever remove what this test made: the host is shared with other runs.
    const dry = await runCli(["gc", "--dry-run", "--host", LOCAL, "--state-dir", backendA]);
    expect(dry.stdout.split("\n").filter((line) => line.startsWith("would remove") && !line.includes(teamA))).toEqual([]);

    const { code, stdout } = await runCli(["gc", "--host", LOCAL, "--state-dir", backendA]);
    expect(code).toBe(0);
    expect(stdout).toContain(`removed container ${names.aOrphan} on ${LOCAL}`);
    expect(stdout).toContain("Removed 1 of 1");
    expect(await left()).toEqual([names.aLive, names.bLive, names.bData, names.bOrphan].sort());
  });

  it("removes the unknown project's objects when the user names it", async () => {
    const { code, stdout } = await runCli(["gc", "--host", LOCAL, "--project", teamB, "--state-dir", backendA]);
    expect(code).toBe(0);
    expect(rowsOf(stdout).map((row) => [row[0], row[1], row[3]])).toEqual(
      [names.bLive, names.bData, names.bOrphan].sort().map((name) => ["remove", name, `stack \`${teamB}/prod\` is not in the state read`]),
    );
    expect(await left()).toEqual([names.aLive]);
  });
});
