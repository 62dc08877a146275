import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type Docker from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { berthObjects, defaultHostUrl, extraHostUrls, sweep, testDocker, uniqueProject } from "../../support/docker";
import { writeFileBackend } from "./file-backend";
import { labelledContainer, labelledVolume, runCli } from "./run-cli";

const LOCAL = defaultHostUrl();
const UNREACHABLE = "unix:///run/berth-nothing.sock";
const project = uniqueProject("it-cli-gc");
const local = testDocker();
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-gc-state-"));
const lockDir = path.join(stateDir, ".pulumi", "locks", "organization", project, "test");
let remoteUrl: string;
let remote: Docker;
let stranger: Docker.Container;
const names: Record<string, string> = {};

/** A file backend as `pulumi` writes it, whose one stack holds `kept` and its volume `data`. */
function writeState(keptId: string, dataVolume: string): void {
  writeFileBackend(stateDir, project, "test", [
    { type: "Volume", name: "data", id: dataVolume, outputs: { volumeName: dataVolume } },
    { type: "Deployment", name: "kept", id: keptId, outputs: { containerId: keptId } },
  ]);
}

/** A file backend that exists but holds no stack, as after `pulumi login file://DIR` in a fresh folder. */
function emptyBackend(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-gc-empty-"));
  fs.mkdirSync(path.join(dir, ".pulumi"));
  fs.writeFileSync(path.join(dir, ".pulumi", "meta.yaml"), "version: 1\n");
  return dir;
}
const emptyStateDir = emptyBackend();

const rowsOf = (stdout: string) =>
  stdout
    .split("\n")
    .filter((line) => line.includes(project) && !line.startsWith("removed"))
    .map((line) => line.split(/\s{2,}/));

beforeAll(async () => {
  remoteUrl = extraHostUrls()[0];
  remote = testDocker(remoteUrl);
  names.data = await labelledVolume(local, project, "data");
  names.scratch = await labelledVolume(local, project, "scratch");
  const kept = await labelledContainer(local, { project, resource: "kept", volume: names.data });
  names.kept = kept.Name.slice(1);
  names.orphan = (await labelledContainer(local, { project, resource: "orphan", volume: names.scratch })).Name.slice(1);
  names.db = (await labelledContainer(local, { project, resource: "db", kind: "persistent-container", lifetime: "persistent" })).Name.slice(1);
  names.remote = (await labelledContainer(remote, { project, resource: "orphan", kind: "job", start: false })).Name.slice(1);
  // The project's label without berth's managed-by label: gc must never touch it.
  stranger = await local.createContainer({ Image: "berth.local/busybox:latest", Cmd: ["true"], Labels: { "dev.berth.project": project, "dev.berth.stack": "test" } });
  writeState(kept.Id, names.data);
});

afterAll(async () => {
  await sweep(local, project);
  await sweep(remote, project);
  await stranger.remove({ force: true });
  fs.rmSync(stateDir, { recursive: true, force: true });
  fs.rmSync(emptyStateDir, { recursive: true, force: true });
});

const gcArgs = (...extra: string[]) => ["gc", "--project", project, "--host", LOCAL, "--host", remoteUrl, "--state-dir", stateDir, ...extra];

async function everything() {
  const [l, r] = await Promise.all([berthObjects(local, project), berthObjects(remote, project)]);
  return { containers: [...l.containers, ...r.containers].sort(), volumes: [...l.volumes, ...r.volumes].sort() };
}

describe("berth gc with a file backend's state", () => {
  it("lists orphans on every host in a dry run and removes nothing", async () => {
    const before = await everything();
    const { code, stdout, stderr } = await runCli(gcArgs("--dry-run"));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(`Read 1 stack from the file backend ${stateDir}.`);
    const notInState = `not in the state of stack \`${project}/test\``;
    expect(rowsOf(stdout)).toEqual([
      ["keep", LOCAL, "container", names.db, `${project}/test`, "db", "persistent-container", "lifetime `persistent`; pass `--include-persistent` to remove it"],
      ["would remove", LOCAL, "container", names.orphan, `${project}/test`, "orphan", "deployment", notInState],
      ["would remove", remoteUrl, "container", names.remote, `${project}/test`, "orphan", "job", notInState],
      ["would remove", LOCAL, "volume", names.scratch, `${project}/test`, "scratch", "volume", notInState],
    ]);
    expect(stdout).toContain("Dry run: 3 would be removed, 1 kept.");
    expect(await everything()).toEqual(before);
  });

  it.each([
    ["a missing folder", [path.join(stateDir, "nope")], `\`--state-dir\` "${path.join(stateDir, "nope")}" holds no Pulumi file backend`],
    ["a backend without stacks", [emptyStateDir], `the file backend ${emptyStateDir} holds no stacks; refusing to treat every berth object as an orphan`],
    ["one readable backend and one missing", [stateDir, path.join(stateDir, "nope")], "holds no Pulumi file backend"],
  ])("removes nothing when it cannot read the state: %s", async (_, dirs, reason) => {
    const before = await everything();
    const { code, stdout, stderr } = await runCli(["gc", "--project", project, "--host", LOCAL, "--host", remoteUrl, ...dirs.flatMap((d) => ["--state-dir", d])]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("berth gc: cannot read stack state, so nothing was removed: ");
    expect(stderr).toContain(reason);
    expect(await everything()).toEqual(before);
  });

  it("removes nothing when the Pulumi CLI is logged in to no backend, and says how to point it at one", async () => {
    const pulumiBin = execFileSync("bash", ["-c", 'source "$0/scripts/env.sh" && dirname "$(command -v pulumi)"', path.resolve(__dirname, "../../..")], { encoding: "utf8" }).trim();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "berth-gc-home-"));
    const { PULUMI_BACKEND_URL: _url, PULUMI_ACCESS_TOKEN: _token, ...rest } = process.env;
    const env = { ...rest, PATH: `${pulumiBin}:${process.env.PATH}`, PULUMI_HOME: home, PULUMI_SKIP_UPDATE_CHECK: "true", NO_COLOR: "" };
    try {
      const before = await everything();
      const { code, stderr } = await runCli(["gc", "--project", project, "--host", LOCAL, "--host", remoteUrl], { env });
      expect(code).toBe(1);
      expect(stderr).toContain("berth gc: cannot read stack state, so nothing was removed: `pulumi whoami --json` failed");
      expect(stderr).toContain("log in to the backend that holds your stacks (`pulumi login`, or set PULUMI_BACKEND_URL), or read a file backend directly with `--state-dir`");
      expect(await everything()).toEqual(before);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it("keeps everything of a stack whose lock an update holds", async () => {
    fs.mkdirSync(lockDir, { recursive: true });
    fs.writeFileSync(path.join(lockDir, "7d1e.json"), JSON.stringify({ pid: 1, username: "ci", hostname: "runner", timestamp: new Date().toISOString() }));
    try {
      const before = await everything();
      const { code, stdout } = await runCli(gcArgs());
      expect(code).toBe(0);
      expect(rowsOf(stdout).map((row) => [row[0], row[7]])).toEqual(
        Array(4).fill(["keep", `stack \`${project}/test\` is locked by an update; if none is running, run \`pulumi cancel\` on it first`]),
      );
      expect(stdout).toContain("Removed 0 of 0, kept 4.");
      expect(await everything()).toEqual(before);
    } finally {
      fs.rmSync(lockDir, { recursive: true });
    }
  });

  it("removes the orphans on every reachable host, containers before their volumes, and keeps what state references", async () => {
    const { code, stdout, stderr } = await runCli(gcArgs("--host", UNREACHABLE));
    expect(stderr).toBe(`berth: host ${UNREACHABLE}: the daemon does not answer (ENOENT)\n`);
    expect(code).toBe(1);
    const removed = stdout.split("\n").filter((line) => line.startsWith("removed"));
    expect(removed).toEqual([
      `removed container ${names.orphan} on ${LOCAL}`,
      `removed container ${names.remote} on ${remoteUrl}`,
      `removed volume ${names.scratch} on ${LOCAL}`,
    ]);
    expect(stdout).toContain("Removed 3 of 3, kept 1.");
    expect(await everything()).toEqual({ containers: [names.db, names.kept].sort(), volumes: [names.data] });
    await expect(stranger.inspect()).resolves.toMatchObject({ Id: stranger.id });
  });

  it("removes a persistent container only with --include-persistent", async () => {
    const { code, stdout } = await runCli(gcArgs("--include-persistent"));
    expect(code).toBe(0);
    expect(stdout).toContain(`removed container ${names.db} on ${LOCAL}`);
    expect(await everything()).toEqual({ containers: [names.kept], volumes: [names.data] });
    expect((await runCli(gcArgs())).stdout).toContain("No orphans: stack state references all 2 berth objects found.");
  });
});
