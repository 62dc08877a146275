import type Docker from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultHostUrl, extraHostUrls, sweep, testDocker, uniqueProject } from "../../support/docker";
import { labelledContainer, runCli } from "./run-cli";

const LOCAL = defaultHostUrl();
const UNREACHABLE = "unix:///run/berth-nothing.sock";
const project = uniqueProject("it-cli-logs");
const local = testDocker();
let remoteUrl: string;
let remote: Docker;
let localTalker: string;
let remoteTalker: string;
let counter: Docker.ContainerInspectInfo;

const talk = (who: string) => ["sh", "-c", `echo ${who} out-1; echo ${who} err-1 >&2; echo ${who} out-2; exec sleep 3600`];

/** Waits until a container has written `lines` lines, so that a snapshot of its log is complete. */
async function waitForLines(docker: Docker, id: string, lines: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const log = (await docker.getContainer(id).logs({ stdout: true, stderr: true, follow: false })) as unknown as Buffer;
    if (log.toString("latin1").split("\n").length > lines) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`container ${id} did not write ${lines} lines within 5000 ms`);
}

beforeAll(async () => {
  remoteUrl = extraHostUrls()[0];
  remote = testDocker(remoteUrl);
  const a = await labelledContainer(local, { project, resource: "talker", cmd: talk("local") });
  const b = await labelledContainer(remote, { project, resource: "talker", cmd: talk("remote") });
  localTalker = a.Name.slice(1);
  remoteTalker = b.Name.slice(1);
  counter = await labelledContainer(remote, { project, resource: "counter", cmd: ["sh", "-c", "echo 1; echo 2; echo 3; exec sleep 3600"] });
  await Promise.all([waitForLines(local, a.Id, 3), waitForLines(remote, b.Id, 3), waitForLines(remote, counter.Id, 3)]);
});

afterAll(async () => {
  await sweep(local, project);
  await sweep(remote, project);
});

describe("berth logs", () => {
  it("prefixes each line with its host and container, stdout to stdout and stderr to stderr", async () => {
    const { code, stdout, stderr } = await runCli(["logs", "talker", "--project", project, "--host", LOCAL, "--host", remoteUrl]);
    expect(code).toBe(0);
    const width = Math.max(`${LOCAL} ${localTalker}`.length, `${remoteUrl} ${remoteTalker}`.length);
    const a = `${LOCAL} ${localTalker}`.padEnd(width);
    const b = `${remoteUrl} ${remoteTalker}`.padEnd(width);
    expect(stdout).toBe(`${a} | local out-1\n${a} | local out-2\n${b} | remote out-1\n${b} | remote out-2\n`);
    expect(stderr).toBe(`${a} | local err-1\n${b} | remote err-1\n`);
  });

  it("prefixes with the host alone when one container has the resource, and honours --tail", async () => {
    const { code, stdout, stderr } = await runCli(["logs", "counter", "--project", project, "--host", LOCAL, "--host", remoteUrl, "--tail", "2"]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${remoteUrl} | 2\n${remoteUrl} | 3\n`);
    expect(stderr).toBe("");
  });

  it("follows new lines until the container exits", async () => {
    await labelledContainer(local, { project, resource: "late", cmd: ["sh", "-c", "sleep 1; echo late-1; sleep 0.3; echo late-2 >&2"] });
    const { code, stdout, stderr } = await runCli(["logs", "late", "--project", project, "--host", LOCAL, "-f"]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${LOCAL} | late-1\n`);
    expect(stderr).toBe(`${LOCAL} | late-2\n`);
  });

  it("follows a container through the restarts of its restart policy, each line once, until it stops for good", async () => {
    await labelledContainer(local, {
      project,
      resource: "crashy",
      cmd: ["sh", "-c", "echo run; sleep 0.5; exit 1"],
      restart: { Name: "on-failure", MaximumRetryCount: 2 },
    });
    const { code, stdout } = await runCli(["logs", "crashy", "--project", project, "--host", LOCAL, "-f"]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${LOCAL} | run\n`.repeat(3));
  }, 30_000);

  it("reads the raw stream of a container with a TTY, up to a last line without newline", async () => {
    const tty = await labelledContainer(local, { project, resource: "tty", tty: true, cmd: ["sh", "-c", "echo from-a-tty; printf last"] });
    await local.getContainer(tty.Id).wait();
    const { code, stdout } = await runCli(["logs", "tty", "--project", project, "--host", LOCAL]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${LOCAL} | from-a-tty\n${LOCAL} | last\n`);
  });

  it("names a host it cannot reach, still shows the others, and exits non-zero", async () => {
    const { code, stdout, stderr } = await runCli(["logs", "talker", "--project", project, "--host", UNREACHABLE, "--host", remoteUrl]);
    expect(code).toBe(1);
    expect(stdout).toBe(`${remoteUrl} | remote out-1\n${remoteUrl} | remote out-2\n`);
    expect(stderr).toBe(`berth: host ${UNREACHABLE}: the daemon does not answer (ENOENT)\n${remoteUrl} | remote err-1\n`);
  });

  it("refuses to mix one resource name from several stacks", async () => {
    await labelledContainer(local, { project, stack: "other", resource: "talker", cmd: ["true"], start: false });
    const { code, stderr } = await runCli(["logs", "talker", "--host", LOCAL, "--project", project]);
    expect(code).toBe(1);
    expect(stderr).toBe(`berth logs: resource \`talker\` exists in several stacks (${project}/other, ${project}/test); choose one with \`--project\` and \`--stack\`\n`);
    expect((await runCli(["logs", "talker", "--host", LOCAL, "--project", project, "--stack", "test"])).code).toBe(0);
  });

  it("says so when no container has the resource", async () => {
    const { code, stdout, stderr } = await runCli(["logs", "nope", "--project", project, "--host", LOCAL]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(`berth logs: no container of resource \`nope\` in project \`${project}\` on ${LOCAL}\n`);
  });

  it.each([
    [["logs"], "`berth logs` needs exactly one resource name, got 0"],
    [["logs", "a", "b"], "`berth logs` needs exactly one resource name, got 2"],
    [["logs", "a", "--tail", "ten"], '`--tail` must be a number of lines, e.g. `--tail 100`; got "ten"'],
  ])("rejects %j", async (args, message) => {
    const { code, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr).toContain(`berth: ${message}`);
    expect(stderr).toContain("Usage: berth logs");
  });
});
