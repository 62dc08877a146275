import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type Docker from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as hooks from "../../../provider/swarm/swarm-service-hooks";
import { sweep, uniqueProject } from "../../support/docker";
import { acquireSwarm, swarmNode, sweepServices } from "../../support/swarm";
import { writeFileBackend } from "./file-backend";
import { labelledContainer, runCli } from "./run-cli";

const project = uniqueProject("it-cli-swarm");
const NODE = /^berth-sw[123]$/;
let managerUrl: string;
let otherManagerUrl: string;
let manager: Docker;
let serviceId: string;
let serviceName: string;
let outs: Record<string, unknown>;
let loner: Docker.ContainerInspectInfo;

/** Each task says which replica it is and which node the swarm put it on (service templates), on stdout and on stderr. */
const TALK = 'trap "exit 0" TERM; echo "out-1 $SLOT on $NODE"; echo "err-1 $SLOT on $NODE" >&2; echo "out-2 $SLOT on $NODE"; sleep 3600 & wait';

async function createService(resource: string, replicas: number) {
  const checked = await hooks.check({}, {
    host: { url: managerUrl },
    owner: { project, stack: "test", resource },
    image: "berth.local/busybox:latest",
    command: ["sh", "-c", TALK],
    env: { SLOT: "{{.Task.Slot}}", NODE: "{{.Node.Hostname}}" },
    replicas,
    stopGracePeriodSeconds: 1,
  });
  expect(checked.failures).toEqual([]);
  return hooks.create(checked.inputs as Record<string, unknown>);
}

/** Polls the service's own log through the manager until every task has written its three lines. */
async function waitForTaskLines(id: string, tasks: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const log = (await manager.getService(id).logs({ stdout: true, stderr: true, follow: false })) as unknown as Buffer;
    if ((log.toString("latin1").match(/(out|err)-\d /g) ?? []).length >= tasks * 3) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`service ${id} did not log ${tasks * 3} lines within 20000 ms`);
}

async function runningTaskNodes(id: string): Promise<string[]> {
  const nodes = new Map((await manager.listNodes()).map((n) => [n.ID as string, n.Description.Hostname as string]));
  const tasks = await manager.listTasks({ filters: { service: [id], "desired-state": ["running"] } });
  return tasks.map((t) => nodes.get(t.NodeID)!).sort();
}

/** A file backend whose one stack holds the service `web`, as `pulumi up` records it. */
function stateWithService(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-swarm-gc-"));
  writeFileBackend(dir, project, "test", [{ type: "SwarmService", name: "web", id: serviceId, outputs: outs }]);
  return dir;
}

beforeAll(async () => {
  [managerUrl, otherManagerUrl] = acquireSwarm();
  manager = swarmNode(managerUrl);
  const created = await createService("web", 3);
  serviceId = created.id;
  outs = created.outs;
  serviceName = outs.serviceName as string;
  loner = await labelledContainer(manager, { project, resource: "loner", cmd: ["sh", "-c", "echo alone; exec sleep 3600"] });
  await waitForTaskLines(serviceId, 3);
}, 180_000);

afterAll(async () => {
  await sweepServices(manager, project);
  await sweep(manager, project);
});

describe("berth ps on a swarm manager", () => {
  it("lists the service with its running and desired tasks, then one row per task with its node, never the task containers as containers", async () => {
    const { code, stdout, stderr } = await runCli(["ps", "--project", project, "--host", managerUrl]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const rows = stdout.split("\n").filter((line) => line.includes(project)).map((line) => line.split(/\s{2,}/));
    const service = rows.filter((r) => r[2] === "swarm-service");
    expect(service).toEqual([[`${project}/test`, "web", "swarm-service", managerUrl, serviceName, "berth.local/busybox:latest", "3/3 running", "-", "-", "-"]]);
    const tasks = rows.filter((r) => r[2] === "swarm-task");
    expect(tasks.map((r) => r[4])).toEqual([1, 2, 3].map((slot) => `${serviceName}.${slot}`));
    expect(tasks.every((r) => NODE.test(r[3]) && r[5] === "berth.local/busybox:latest" && r[6] === "running")).toBe(true);
    expect(tasks.map((r) => r[3]).sort()).toEqual(await runningTaskNodes(serviceId));
    // The manager also runs a task: its container is shown under the service only.
    expect(rows.filter((r) => r[2] !== "swarm-task").map((r) => r[1])).toEqual(["loner", "web"]);
  });

  it("gives the service and its tasks in JSON, and -q prints the containers' ids only", async () => {
    const json = await runCli(["ps", "--project", project, "--host", managerUrl, "--json"]);
    const objects = JSON.parse(json.stdout).stacks.flatMap((s: { resources: Array<{ objects: unknown[] }> }) => s.resources.flatMap((r) => r.objects));
    const service = objects.find((o: { type: string }) => o.type === "service");
    expect(service).toMatchObject({ host: managerUrl, id: serviceId, name: serviceName, kind: "swarm-service", mode: "replicated", desired: 3, running: 3, image: "berth.local/busybox:latest" });
    expect(service.owner).toEqual({ project, stack: "test", resource: "web" });
    expect(service.tasks.map((t: { slot: number }) => t.slot)).toEqual([1, 2, 3]);
    expect(service.tasks.map((t: { node: string }) => t.node).sort()).toEqual(await runningTaskNodes(serviceId));
    expect(objects.filter((o: { type: string }) => o.type === "container").map((o: { id: string }) => o.id)).toEqual([loner.Id]);

    const quiet = await runCli(["ps", "-q", "--project", project, "--host", managerUrl]);
    expect(quiet).toEqual({ code: 0, stdout: `${loner.Id}\n`, stderr: "" });
  });

  it("lists a service once when several managers of its swarm are named", async () => {
    const { code, stdout } = await runCli(["ps", "--project", project, "--host", managerUrl, "--host", otherManagerUrl, "--json"]);
    expect(code).toBe(0);
    const services = JSON.parse(stdout).stacks.flatMap((s: { resources: Array<{ objects: Array<{ type: string; host: string }> }> }) =>
      s.resources.flatMap((r) => r.objects.filter((o) => o.type === "service")),
    );
    expect(services.map((s: { host: string }) => s.host)).toEqual([managerUrl]);
  });
});

describe("berth logs on a swarm manager", () => {
  /** `web@berth-sw2 | out-1 2 on berth-sw2` → its node in the prefix and the node the task said it runs on. */
  const parsed = (text: string) =>
    text
      .split("\n")
      .filter(Boolean)
      .map((line) => /^web@(\S+)\s* \| (?:(\S+) )?((?:out|err)-\d) (\d) on (\S+)$/.exec(line)!);

  it("shows every task's lines through the manager, each prefixed by the node of its task, stderr to stderr", async () => {
    const { code, stdout, stderr } = await runCli(["logs", "web", "--project", project, "--host", managerUrl]);
    expect(code).toBe(0);
    const out = parsed(stdout);
    const err = parsed(stderr);
    expect(out.every(Boolean) && err.every(Boolean)).toBe(true);
    expect(out.every((m) => m[1] === m[5]) && err.every((m) => m[1] === m[5])).toBe(true);
    // Each stream on its own: the order between tasks, and between a task's stdout and stderr, is the swarm's.
    expect(out.map((m) => `${m[3]} ${m[4]}`).sort()).toEqual(["out-1 1", "out-1 2", "out-1 3", "out-2 1", "out-2 2", "out-2 3"]);
    expect(err.map((m) => `${m[3]} ${m[4]}`).sort()).toEqual(["err-1 1", "err-1 2", "err-1 3"]);
    expect(new Set(out.map((m) => m[1])).size).toBeGreaterThan(1);
    expect([...new Set(out.map((m) => m[1]))].sort()).toEqual([...new Set(await runningTaskNodes(serviceId))]);
  });

  it("honours --tail per task and -t, and shows services with the containers when no resource is named", async () => {
    const tailed = await runCli(["logs", "web", "--project", project, "--host", managerUrl, "--tail", "1", "-t"]);
    expect(tailed.code).toBe(0);
    // A task's last line is the last one its node read, from whichever of the two pipes.
    const lines = [...parsed(tailed.stdout), ...parsed(tailed.stderr)];
    expect(lines.map((m) => m[4]).sort()).toEqual(["1", "2", "3"]);
    expect(lines.every((m) => m[1] === m[5] && !Number.isNaN(Date.parse(m[2])))).toBe(true);

    const all = await runCli(["logs", "--project", project, "--host", managerUrl]);
    expect(all.code).toBe(0);
    const width = Math.max("loner".length, ...(await runningTaskNodes(serviceId)).map((node) => `web@${node}`.length));
    expect(all.stdout).toContain(`${"loner".padEnd(width)} | alone\n`);
    expect(all.stdout.split("\n").filter((line) => line.startsWith("web@")).every((line) => line.indexOf(" | ") === width)).toBe(true);
    expect(parsed(all.stdout.split("\n").filter((line) => line.startsWith("web@")).join("\n")).length).toBe(6);
  });

  it("follows a service's tasks until the service is removed", async () => {
    const created = await createService("follow", 2);
    await waitForTaskLines(created.id, 2);
    let seen: () => void;
    const allSeen = new Promise<void>((resolve) => (seen = resolve));
    const run = runCli(["logs", "follow", "-f", "--project", project, "--host", managerUrl], {
      watch: ({ stdout }) => (stdout.match(/out-2 \d on/g) ?? []).length === 2 && seen(),
    });
    await allSeen;
    await hooks.delete(created.id, created.outs);
    const { code, stdout, stderr } = await run;
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringMatching(/^(follow@\S+\s* \| err-1 \d on \S+\n){2}$/) });
    expect(stdout.split("\n").filter(Boolean).every((line) => /^follow@(\S+)\s* \| out-\d \d on \1$/.test(line))).toBe(true);
  });
});

describe("berth gc on a swarm manager", () => {
  it("leaves the swarm's task containers and the services alone: only berth's own containers are its business", async () => {
    // The manager runs a task of `web` itself, whose container carries the service's labels but no id the state holds.
    expect(await runningTaskNodes(serviceId)).toContain("berth-sw1");
    const dir = stateWithService();
    const { code, stdout } = await runCli(["gc", "--dry-run", "--project", project, "--host", managerUrl, "--state-dir", dir]).finally(() => fs.rmSync(dir, { recursive: true }));
    expect(code).toBe(0);
    const rows = stdout.split("\n").filter((line) => line.includes(project));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(new RegExp(`^would remove .* container .*${loner.Name.slice(1)}`));
  });
});
