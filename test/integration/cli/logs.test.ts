import type Docker from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultHostUrl, extraHostUrls, sweep, testDocker, uniqueProject } from "../../support/docker";
import { hostLabel } from "../../../cli/log-sources";
import { labelledContainer, runCli } from "./run-cli";

const LOCAL = defaultHostUrl();
const UNREACHABLE = "unix:///run/berth-nothing.sock";
const project = uniqueProject("it-cli-logs");
const local = testDocker();
let remoteUrl: string;
let remote: Docker;
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
  counter = await labelledContainer(remote, { project, resource: "counter", cmd: ["sh", "-c", "echo 1; echo 2; echo 3; exec sleep 3600"] });
  await Promise.all([waitForLines(local, a.Id, 3), waitForLines(remote, b.Id, 3), waitForLines(remote, counter.Id, 3)]);
});

afterAll(async () => {
  await sweep(local, project);
  await sweep(remote, project);
});

describe("berth logs", () => {
  it("prefixes each line with its service, with the host when the resource runs on several, stdout to stdout and stderr to stderr", async () => {
    const { code, stdout, stderr } = await runCli(["logs", "talker", "--project", project, "--stack", "test", "--host", LOCAL, "--host", remoteUrl]);
    expect(code).toBe(0);
    const width = Math.max(`talker@${hostLabel(LOCAL)}`.length, `talker@${hostLabel(remoteUrl)}`.length);
    const a = `talker@${hostLabel(LOCAL)}`.padEnd(width);
    const b = `talker@${hostLabel(remoteUrl)}`.padEnd(width);
    expect(stdout).toBe(`${a} | local out-1\n${a} | local out-2\n${b} | remote out-1\n${b} | remote out-2\n`);
    expect(stderr).toBe(`${a} | local err-1\n${b} | remote err-1\n`);
  });

  it.each([["--tail"], ["-n"]])("prefixes with the resource alone when it runs on one host, and honours %s", async (tail) => {
    const { code, stdout, stderr } = await runCli(["logs", "counter", "--project", project, "--host", LOCAL, "--host", remoteUrl, tail, "2"]);
    expect(code).toBe(0);
    expect(stdout).toBe("counter | 2\ncounter | 3\n");
    expect(stderr).toBe("");
    expect((await runCli(["logs", "counter", "--project", project, "--host", remoteUrl, tail, "all"])).stdout).toBe("counter | 1\ncounter | 2\ncounter | 3\n");
  });

  it("shows a whole stack, or several resources, each line prefixed by its aligned service, coloured per service on a terminal", async () => {
    const stack = "whole";
    const api = await labelledContainer(local, { project, stack, resource: "api", cmd: ["sh", "-c", "echo api up; exec sleep 3600"] });
    const worker = await labelledContainer(local, { project, stack, resource: "worker", cmd: ["sh", "-c", "echo working; exec sleep 3600"] });
    const sidecar = await labelledContainer(local, {
      project,
      stack,
      resource: "api",
      name: `${api.Name.slice(1)}-metrics`,
      sidecarOf: api.Name.slice(1),
      cmd: ["sh", "-c", "echo scraping; exec sleep 3600"],
    });
    await Promise.all([waitForLines(local, api.Id, 1), waitForLines(local, worker.Id, 1), waitForLines(local, sidecar.Id, 1)]);
    const whole = await runCli(["logs", "--project", project, "--stack", stack, "--host", LOCAL]);
    expect(whole).toEqual({ code: 0, stdout: "api         | api up\napi/metrics | scraping\nworker      | working\n", stderr: "" });
    const named = await runCli(["logs", "worker", "api", "--project", project, "--stack", stack, "--host", LOCAL]);
    expect(named.stdout).toBe(whole.stdout);
    const coloured = await runCli(["logs", "worker", "--project", project, "--stack", stack, "--host", LOCAL], { tty: true });
    expect(coloured.stdout).toBe("\u001b[36mworker\u001b[39m | working\n");
  });

  it("finds a component's children by the component's name, and lists the resources there are when nothing matches", async () => {
    const stack = "component";
    const trainer = await labelledContainer(local, { project, stack, resource: "trainer-container", cmd: ["sh", "-c", "echo training; exec sleep 3600"] });
    await labelledContainer(local, { project, stack, resource: "trainer-prepare", cmd: ["sh", "-c", "echo prepared"] }).then((c) => local.getContainer(c.Id).wait());
    await labelledContainer(local, { project, stack, resource: "api-deployment", cmd: ["sh", "-c", "echo serving; exec sleep 3600"] });
    await waitForLines(local, trainer.Id, 1);
    const found = await runCli(["logs", "trainer", "--project", project, "--stack", stack, "--host", LOCAL]);
    expect(found).toEqual({ code: 0, stdout: "trainer-container | training\ntrainer-prepare   | prepared\n", stderr: "" });
    const missing = await runCli(["logs", "trainr", "--project", project, "--stack", stack, "--host", LOCAL]);
    expect(missing).toEqual({
      code: 1,
      stdout: "",
      stderr: `berth logs: no resource named \`trainr\` in project \`${project}\`, stack \`${stack}\` on ${LOCAL}; resources there: api-deployment, trainer-container, trainer-prepare\n`,
    });
  });

  it("shows only the lines since a time or a duration before now, with Docker's timestamps on -t", async () => {
    const stamped = await labelledContainer(local, { project, stack: "since", resource: "clock", cmd: ["sh", "-c", "echo early; sleep 1.5; echo late"] });
    await local.getContainer(stamped.Id).wait();
    const raw = ((await local.getContainer(stamped.Id).logs({ stdout: true, timestamps: true, follow: false })) as unknown as Buffer).toString("latin1");
    const lateAt = /(\d{4}-\S+) late/.exec(raw)![1];
    const between = new Date(Date.parse(lateAt.replace(/\.(\d{3})\d*/, ".$1")) - 500).toISOString();
    const args = ["logs", "clock", "--project", project, "--host", LOCAL];
    expect((await runCli([...args, "--since", between])).stdout).toBe("clock | late\n");
    expect((await runCli([...args, "--since", "1h"])).stdout).toBe("clock | early\nclock | late\n");
    const { stdout } = await runCli([...args, "-t", "--since", between]);
    expect(stdout).toBe(`clock | ${lateAt} late\n`);
    expect((await runCli([...args, "--timestamps", "--tail", "1"])).stdout).toBe(`clock | ${lateAt} late\n`);
  });

  it("follows new lines until the container exits", async () => {
    await labelledContainer(local, { project, resource: "late", cmd: ["sh", "-c", "sleep 1; echo late-1; sleep 0.3; echo late-2 >&2"] });
    const { code, stdout, stderr } = await runCli(["logs", "late", "--project", project, "--host", LOCAL, "-f"]);
    expect(code).toBe(0);
    expect(stdout).toBe("late | late-1\n");
    expect(stderr).toBe("late | late-2\n");
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
    expect(stdout).toBe("crashy | run\n".repeat(3));
  }, 30_000);

  it("reads the raw stream of a container with a TTY, up to a last line without newline", async () => {
    const tty = await labelledContainer(local, { project, resource: "tty", tty: true, cmd: ["sh", "-c", "echo from-a-tty; printf last"] });
    await local.getContainer(tty.Id).wait();
    const { code, stdout } = await runCli(["logs", "tty", "--project", project, "--host", LOCAL]);
    expect(code).toBe(0);
    expect(stdout).toBe("tty | from-a-tty\ntty | last\n");
  });

  it("names a host it cannot reach, still shows the others, and exits non-zero", async () => {
    const { code, stdout, stderr } = await runCli(["logs", "talker", "--project", project, "--host", UNREACHABLE, "--host", remoteUrl]);
    expect(code).toBe(1);
    expect(stdout).toBe("talker | remote out-1\ntalker | remote out-2\n");
    expect(stderr).toBe(`berth: host ${UNREACHABLE}: the daemon does not answer (ENOENT)\ntalker | remote err-1\n`);
  });

  it("refuses to mix one resource name from several stacks", async () => {
    await labelledContainer(local, { project, stack: "other", resource: "talker", cmd: ["true"], start: false });
    const { code, stderr } = await runCli(["logs", "talker", "--host", LOCAL, "--project", project]);
    expect(code).toBe(1);
    expect(stderr).toBe(`berth logs: resource \`talker\` exists in several stacks (${project}/other, ${project}/test); choose one with \`--project\` and \`--stack\`\n`);
    expect((await runCli(["logs", "talker", "--host", LOCAL, "--project", project, "--stack", "test"])).code).toBe(0);
  });

  it("says so when no container has the resource, or the project has none", async () => {
    const { code, stdout, stderr } = await runCli(["logs", "nope", "--project", project, "--stack", "test", "--host", remoteUrl]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(`berth logs: no resource named \`nope\` in project \`${project}\`, stack \`test\` on ${remoteUrl}; resources there: counter, talker\n`);
    const empty = await runCli(["logs", "--project", `${project}-none`, "--host", LOCAL]);
    expect(empty).toEqual({ code: 1, stdout: "", stderr: `berth logs: no berth containers in project \`${project}-none\` on ${LOCAL}\n` });
  });

  it.each([
    [["logs", "a", "--tail", "ten"], '`--tail` must be a number of lines (e.g. `--tail 100`) or `all`; got "ten"'],
    [["logs", "a", "--since", "yesterday"], "`--since` must be a duration before now (`10m`, `1h30m`), an RFC 3339 time (`2024-05-01T12:00:00Z`) or a Unix timestamp; got \"yesterday\""],
    [["logs", "a", "-n"], "`--tail` needs a value"],
    [["logs", "a", "--bogus"], "`berth logs` has no option `--bogus`"],
  ])("rejects %j", async (args, message) => {
    const { code, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr).toContain(`berth: ${message}`);
    expect(stderr).toContain("Usage: berth logs");
  });
});
