import * as net from "net";
import * as os from "os";
import * as path from "path";
import type Docker from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultHostUrl, extraHostUrls, sweep, testDocker, uniqueProject } from "../../support/docker";
import { PS_USAGE } from "../../../cli/commands/ps";
import { labelledContainer, labelledVolume, runCli } from "./run-cli";

const LOCAL = defaultHostUrl();
const UNREACHABLE = "unix:///run/berth-nothing.sock";
const project = uniqueProject("it-cli-ps");
const local = testDocker();
let remoteUrl: string;
let remote: Docker;
let web: Docker.ContainerInspectInfo;
let db: Docker.ContainerInspectInfo;
let stranger: Docker.Container;
let dataVolume: string;
let healthy: Docker.ContainerInspectInfo;
let starting: Docker.ContainerInspectInfo;
let crashed: Docker.ContainerInspectInfo;

const ANSI = /\u001b\[/;

beforeAll(async () => {
  // The extra daemon the global set-up started for the whole run (test/support/global-setup.ts).
  remoteUrl = extraHostUrls()[0];
  remote = testDocker(remoteUrl);
  dataVolume = await labelledVolume(local, project, "data");
  web = await labelledContainer(local, { project, resource: "web", image: "berth.local/web:latest", cmd: [], publish: 80, volume: dataVolume });
  db = await labelledContainer(remote, { project, resource: "db", kind: "persistent-container", lifetime: "persistent", gpus: ["0", "1"] });
  await labelledContainer(local, { project, resource: "migrate", kind: "job", start: false });
  crashed = await labelledContainer(local, { project, stack: "checks", resource: "crashed", cmd: ["sh", "-c", "exit 3"] });
  healthy = await labelledContainer(local, { project, stack: "checks", resource: "healthy", healthcheck: { Test: ["CMD", "true"], Interval: 200e6 } });
  starting = await labelledContainer(local, {
    project,
    stack: "checks",
    resource: "starting",
    healthcheck: { Test: ["CMD", "true"], Interval: 3600e9, StartPeriod: 3600e9 },
  });
  await local.getContainer(crashed.Id).wait();
  await waitFor(async () => (await local.getContainer(healthy.Id).inspect()).State.Health?.Status === "healthy");
  // Carries the project label but not berth's managed-by label: never berth's.
  stranger = await local.createContainer({ Image: "berth.local/busybox:latest", Cmd: ["true"], Labels: { "dev.berth.project": project } });
});

afterAll(async () => {
  await sweep(local, project);
  await sweep(remote, project);
  await stranger.remove({ force: true });
});

async function waitFor(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("a fixture container did not reach its state within 10000 ms");
}

function hostPort(info: Docker.ContainerInspectInfo): string {
  return info.NetworkSettings.Ports["80/tcp"]!.find((b) => !b.HostIp.includes(":"))!.HostPort;
}

describe("berth ps", () => {
  it("lists berth's containers and volumes on every host, grouped by project, stack and resource", async () => {
    const { code, stdout, stderr } = await runCli(["ps", "--project", project, "--stack", "test", "--host", LOCAL, "--host", remoteUrl]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0].split(/\s{2,}/)).toEqual(["PROJECT/STACK", "RESOURCE", "KIND", "HOST", "NAME", "IMAGE", "STATUS", "PORTS", "GPUS", "LIFETIME"]);
    const rows = lines.slice(1).map((line) => line.split(/\s{2,}/));
    const up = expect.stringMatching(/^Up (Less than a second|\d+ seconds?|About a minute|\d+ minutes)$/);
    expect(rows).toEqual([
      [`${project}/test`, "data", "volume", LOCAL, dataVolume, "-", "in use", "-", "-", "-"],
      [`${project}/test`, "db", "persistent-container", remoteUrl, db.Name.slice(1), "berth.local/busybox:latest", up, "-", "0,1", "persistent"],
      [`${project}/test`, "migrate", "job", LOCAL, expect.stringContaining(`${project}-test-migrate-`), "berth.local/busybox:latest", "Created", "-", "-", "-"],
      [`${project}/test`, "web", "deployment", LOCAL, web.Name.slice(1), "berth.local/web:latest", up, `${hostPort(web)}->80/tcp`, "-", "-"],
    ]);
    // The columns line up: every row's HOST starts where the header's does.
    const hostColumn = lines[0].indexOf("HOST");
    for (const line of lines.slice(1)) expect(line.slice(hostColumn)).toMatch(/^unix:\/\//);
  });

  it("shows an exited container's exit code and a running one's health, as `docker ps` words them", async () => {
    const { code, stdout } = await runCli(["ps", "--project", project, "--stack", "checks", "--host", LOCAL]);
    expect(code).toBe(0);
    const status = (name: string) => stdout.split("\n").find((line) => line.includes(name))!.split(/\s{2,}/)[6];
    expect(status(crashed.Name.slice(1))).toMatch(/^Exited \(3\) (Less than a second|\d+ seconds?) ago$/);
    expect(status(healthy.Name.slice(1))).toMatch(/^Up .+ \(healthy\)$/);
    expect(status(starting.Name.slice(1))).toMatch(/^Up .+ \(health: starting\)$/);
    const json = JSON.parse((await runCli(["ps", "--format", "json", "--project", project, "--stack", "checks", "--host", LOCAL])).stdout);
    const objects = json.stacks[0].resources.flatMap((r: { objects: unknown[] }) => r.objects);
    expect(objects.map((o: { resource?: string; health?: string; state: string }) => [o.state, o.health])).toEqual([
      ["exited", undefined],
      ["running", "healthy"],
      ["running", "starting"],
    ]);
  });

  it("prints only the containers' ids with -q, one per line", async () => {
    const { code, stdout } = await runCli(["ps", "-q", "--project", project, "--stack", "checks", "--host", LOCAL]);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split("\n").sort()).toEqual([crashed.Id, healthy.Id, starting.Id].sort());
  });

  it.each([[["--json"]], [["--format", "json"]]])("prints the same grouping as JSON for scripts (%j)", async (format) => {
    const { code, stdout } = await runCli(["ps", ...format, "--project", project, "--stack", "test", "--host", LOCAL, "--host", remoteUrl]);
    expect(code).toBe(0);
    const listing = JSON.parse(stdout);
    expect(listing.hosts).toEqual([{ url: LOCAL }, { url: remoteUrl }]);
    expect(listing.stacks).toHaveLength(1);
    expect(listing.stacks[0]).toMatchObject({ project, stack: "test" });
    expect(listing.stacks[0].resources.map((r: { resource: string }) => r.resource)).toEqual(["data", "db", "migrate", "web"]);
    const [webObject] = listing.stacks[0].resources[3].objects;
    expect(webObject).toMatchObject({ type: "container", host: LOCAL, id: web.Id, state: "running", image: "berth.local/web:latest", imageId: web.Image, ports: [{ hostPort: Number(hostPort(web)), containerPort: 80, protocol: "tcp" }] });
    expect(listing.stacks[0].resources[0].objects[0]).toMatchObject({ type: "volume", name: dataVolume, usedBy: [web.Name.slice(1)] });
  });

  it("names a host it cannot reach, still lists the others, and exits non-zero", async () => {
    const { code, stdout, stderr } = await runCli(["ps", "--project", project, "--host", UNREACHABLE, "--host", remoteUrl]);
    expect(code).toBe(1);
    expect(stderr).toBe(`berth: host ${UNREACHABLE}: the daemon does not answer (ENOENT)\n`);
    expect(stdout).toContain(db.Name.slice(1));
    expect(stdout.trimEnd().split("\n")).toHaveLength(2);

    const json = await runCli(["ps", "--json", "--project", project, "--host", UNREACHABLE, "--host", remoteUrl]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).hosts).toEqual([{ url: UNREACHABLE, error: "the daemon does not answer (ENOENT)" }, { url: remoteUrl }]);
  });

  it("gives up on a host that accepts but never answers after the connect timeout", async () => {
    const socket = path.join(os.tmpdir(), `berth-silent-${process.pid}.sock`);
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(socket, resolve));
    try {
      const started = Date.now();
      const { code, stdout, stderr } = await runCli(["ps", "--project", project, "--host", `unix://${socket}`, "--host", remoteUrl]);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(code).toBe(1);
      expect(stderr).toBe(`berth: host unix://${socket}: did not answer within 10000 ms\n`);
      expect(stdout).toContain(db.Name.slice(1));
    } finally {
      silent.close();
    }
  }, 30_000);

  it("uses the local daemon when no host is given", async () => {
    const env = { ...process.env, DOCKER_HOST: "" };
    const { code, stdout } = await runCli(["ps", "--project", project], { env });
    expect(code).toBe(0);
    expect(stdout).toContain(web.Name.slice(1));
    expect(stdout).not.toContain(db.Name.slice(1));
  });

  it("filters by stack and says when nothing matches", async () => {
    const { code, stdout } = await runCli(["ps", "--project", project, "--stack", "other", "--host", LOCAL]);
    expect(code).toBe(0);
    expect(stdout).toBe(`No berth containers or volumes on ${LOCAL}.\n`);
  });

  it.each([
    [true, "", true],
    [true, "1", false],
    [false, "", false],
  ])("colours a terminal (TTY %j, NO_COLOR %j): %j", async (tty, noColor, colored) => {
    const { stdout } = await runCli(["ps", "--project", project, "--host", LOCAL], { tty, env: { ...process.env, NO_COLOR: noColor } });
    expect(ANSI.test(stdout)).toBe(colored);
    expect(stdout.replace(/\u001b\[\d+m/g, "")).toContain(web.Name.slice(1));
  });

  it("rejects what it does not understand, with usage and exit code 2", async () => {
    expect(await runCli(["ps", "--bogus"])).toEqual({ code: 2, stdout: "", stderr: `berth: \`berth ps\` has no option \`--bogus\`\n\n${PS_USAGE}\n` });
    expect(await runCli(["ps", "--format"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^berth: `--format` needs a value .*\n\nUsage: berth ps/) });
    expect(await runCli(["ps", "extra"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^berth: `berth ps` takes no arguments, got "extra"\n\nUsage: berth ps/) });
    expect(await runCli(["ps", "--format", "yaml"])).toMatchObject({ code: 2, stderr: expect.stringContaining('`--format` must be `table` or `json`; got "yaml"') });
    expect(await runCli(["ps", "-q", "--json"])).toMatchObject({ code: 2, stderr: expect.stringContaining("`--quiet` prints ids only") });
    expect(await runCli(["ps", "--host", "http://docker:2375"])).toMatchObject({ code: 2, stderr: expect.stringContaining('`--host` "http://docker:2375" must be a Docker endpoint URL') });
    expect(await runCli(["frobnicate"])).toMatchObject({ code: 2, stderr: expect.stringContaining('berth: unknown command "frobnicate"') });
    expect(await runCli(["ps", "--help"])).toMatchObject({ code: 0, stdout: expect.stringContaining("Usage: berth ps") });
    expect(await runCli([])).toMatchObject({ code: 2, stdout: "", stderr: expect.stringContaining("Usage: berth <command>") });
  });
});
