import { describe, expect, it } from "vitest";
import type Docker from "dockerode";
import { waitUntilServiceReady, type GateOptions } from "../../../../provider/swarm/service-gate";
import { FakeClock } from "../readiness/fake-clock";

const SINCE = "2026-01-01T00:00:10Z";

/** A manager answering from a script of task lists, one a round (the last repeats), counting each call; it lists the nodes the latest tasks name, as nodes joining would. */
function scriptedManager(rounds: Array<Array<{ node: string; state: string }>>, updateStatus?: { State: string; StartedAt: string }) {
  const calls = { inspect: 0, tasks: 0, nodes: 0 };
  const latest = () => rounds[Math.min(calls.tasks - 1, rounds.length - 1)];
  const docker = {
    getService: () => ({
      inspect: async () => {
        calls.inspect++;
        return { Spec: { Mode: { Replicated: { Replicas: 2 } } }, UpdateStatus: updateStatus };
      },
    }),
    listTasks: async () => {
      const round = rounds[Math.min(calls.tasks++, rounds.length - 1)];
      return round.map((t, i) => ({ ID: `task${i}`, NodeID: t.node, DesiredState: "running", CreatedAt: "2026-01-01T00:00:11Z", Status: { State: t.state } }));
    },
    listNodes: async () => {
      calls.nodes++;
      return [...new Set(latest().map((t) => t.node).filter(Boolean))].map((id) => ({ ID: id, Description: { Hostname: id.replace("n", "sw") } }));
    },
  };
  return { docker: docker as unknown as Docker, calls };
}

const options = (clock: FakeClock, extra: Partial<GateOptions> = {}): GateOptions => ({
  deadlineMs: 10_000,
  settleMs: 0,
  since: SINCE,
  isUpdate: false,
  awaitRollout: false,
  onProgress: () => undefined,
  clock,
  ...extra,
});

describe("waitUntilServiceReady", () => {
  it("asks a new service's manager for its tasks alone each round: the service once, the nodes only when a task names a new one", async () => {
    const { docker, calls } = scriptedManager([
      [{ node: "", state: "pending" }, { node: "", state: "pending" }],
      [{ node: "n1", state: "starting" }, { node: "", state: "pending" }],
      [{ node: "n1", state: "running" }, { node: "", state: "pending" }],
      [{ node: "n1", state: "running" }, { node: "n2", state: "starting" }],
      [{ node: "n1", state: "running" }, { node: "n2", state: "running" }],
    ]);
    const standing = await waitUntilServiceReady(docker, "svc", options(new FakeClock()));
    expect(standing.tasks.map((t) => t.node)).toEqual(["sw1", "sw2"]);
    expect(calls).toEqual({ inspect: 1, tasks: 5, nodes: 2 });
  });

  it("reads an update's service every round, for its update status", async () => {
    const { docker, calls } = scriptedManager([[{ node: "n1", state: "running" }, { node: "n2", state: "starting" }], [{ node: "n1", state: "running" }, { node: "n2", state: "running" }]], {
      State: "completed",
      StartedAt: "2026-01-01T00:00:12Z",
    });
    await waitUntilServiceReady(docker, "svc", options(new FakeClock(), { isUpdate: true, awaitRollout: true }));
    expect(calls).toEqual({ inspect: 2, tasks: 2, nodes: 1 });
  });

  it("holds the gate for the settle window after every task first runs, and passes at once without one", async () => {
    const rounds = [[{ node: "n1", state: "starting" }, { node: "n2", state: "running" }], [{ node: "n1", state: "running" }, { node: "n2", state: "running" }]];
    for (const [settleMs, expectedRounds] of [[1000, 6], [0, 2]]) {
      const { docker, calls } = scriptedManager(rounds);
      const clock = new FakeClock();
      await waitUntilServiceReady(docker, "svc", options(clock, { settleMs }));
      expect(calls.tasks).toBe(expectedRounds);
      expect(clock.now()).toBeGreaterThanOrEqual(250 + settleMs);
    }
  });
});
