import { execFileSync } from "child_process";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Docker from "dockerode";
import { retryUntil } from "../../../../provider/readiness/retry-until";
import * as hooks from "../../../../provider/swarm/swarm-service-hooks";
import { uniqueProject } from "../../../support/docker";
import { acquireSwarm, swarmNode, sweepServices } from "../../../support/swarm";

const project = uniqueProject("it-swarm-failover");
const SWARM = path.resolve(__dirname, "../../../../scripts/swarm.sh");
let urls: string[];
let manager: Docker;

const swarm = (command: "stop-node" | "start-node", node: number) => execFileSync("bash", [SWARM, command, String(node)], { stdio: "inherit" });

/** Waits until every node is Ready again, so that the next test (or file) finds the whole swarm. */
async function allNodesReady(): Promise<void> {
  await retryUntil(
    () => swarmNode(urls[1]).listNodes().catch(() => []),
    (nodes) => nodes.length === 3 && nodes.every((n) => n.Status?.State === "ready"),
    { deadlineMs: 60_000, periodMs: 500, what: "all 3 swarm nodes to be ready" },
  );
}

beforeAll(() => {
  urls = acquireSwarm();
  manager = swarmNode(urls[1]);
}, 180_000);

afterAll(async () => {
  for (const node of [1, 2, 3]) swarm("start-node", node);
  await allNodesReady();
  await sweepServices(manager, project);
}, 120_000);

async function checked(resource: string, managerUrl: string, extra: Record<string, unknown> = {}) {
  const result = await hooks.check({}, { host: { url: managerUrl }, owner: { project, stack: "test", resource }, image: "berth.local/web:latest", stopGracePeriodSeconds: 1, ...extra });
  expect(result.failures).toEqual([]);
  return result.inputs as Record<string, unknown>;
}

describe("SwarmService when swarm nodes fail", () => {
  it("with a worker's daemon stopped, the swarm reschedules its tasks and refresh reads the service healthy again", async () => {
    const { id, outs } = await hooks.create(await checked("spread", urls[0], { replicas: 3, placement: { spread: ["node.id"] } }));
    expect(new Set((outs.tasks as Array<{ node: string }>).map((t) => t.node))).toEqual(new Set(["berth-sw1", "berth-sw2", "berth-sw3"]));
    swarm("stop-node", 3);
    const healed = await retryUntil(
      () => hooks.read(id, outs),
      (read) => read.props?.runningTasks === 3 && (read.props.tasks as Array<{ node: string; state: string }>).every((t) => t.node !== "berth-sw3" && t.state === "running"),
      { deadlineMs: 90_000, periodMs: 1000, what: "the tasks of berth-sw3 to run elsewhere" },
    );
    expect(healed.props).toMatchObject({ desiredTasks: 3, runningTasks: 3 });
    swarm("start-node", 3);
    await allNodesReady();
    await hooks.delete(id, outs);
  }, 180_000);

  it("with the leader's daemon stopped during an update, the update fails or completes cleanly and the next one converges", async () => {
    // Earlier failovers may have moved leadership: find the leader's node (berth-swN) and drive the update through it.
    const leaderName = (await manager.listNodes()).find((n) => n.ManagerStatus?.Leader)?.Description?.Hostname ?? "";
    const leaderNode = Number(/^berth-sw([123])$/.exec(leaderName)?.[1]);
    expect(leaderNode).toBeGreaterThan(0);
    const leaderUrl = urls[leaderNode - 1];
    const survivor = swarmNode(urls[leaderNode % 3]);
    const created = await hooks.create(await checked("failover", leaderUrl, { replicas: 3 }));
    const next = await checked("failover", leaderUrl, { replicas: 3, image: "berth.local/drainer:latest", readiness: { exec: { command: ["true"] }, deadlineSeconds: 30 } });
    const during = hooks.update(created.id, created.outs, next).then(
      () => "completed",
      (err: Error) => err.message,
    );
    await new Promise((r) => setTimeout(r, 300));
    swarm("stop-node", leaderNode);
    const outcome = await during;
    expect(outcome === "completed" || outcome.startsWith(`SwarmService "failover" on swarm manager ${leaderUrl}: `)).toBe(true);
    swarm("start-node", leaderNode);
    await allNodesReady();
    // A restarted manager's stale tasks take the swarm a while to reconcile: the converging `up` gets a longer deadline.
    const patient = await checked("failover", leaderUrl, { replicas: 3, image: "berth.local/drainer:latest", readiness: { exec: { command: ["true"] }, deadlineSeconds: 90 } });
    const converged = await hooks.update(created.id, created.outs, patient);
    expect(converged.outs).toMatchObject({ desiredTasks: 3 });
    expect(converged.outs!.runningTasks).toBeGreaterThanOrEqual(3);
    const running = await survivor.listTasks({ filters: { service: [created.id], "desired-state": ["running"] } });
    expect(running.length).toBeGreaterThanOrEqual(3);
    expect(new Set(running.map((t) => t.Spec?.ContainerSpec?.Image))).toEqual(new Set(["berth.local/drainer:latest"]));
    await hooks.delete(created.id, converged.outs!);
  }, 240_000);
});
