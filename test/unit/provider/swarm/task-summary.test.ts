import { describe, expect, it } from "vitest";
import { describeStanding, isReady, serviceStanding, type RawTask } from "../../../../provider/swarm/task-summary";

const nodes = new Map([["n1", "berth-sw1"], ["n2", "berth-sw2"]]);
const since = "2026-01-01T00:00:10Z";
const replicated = (n: number) => ({ Spec: { Mode: { Replicated: { Replicas: n } } } });
const task = (id: string, state: string, extra: Partial<RawTask> = {}): RawTask => ({
  ID: `${id}aaaaaaaaaaaaaaaaaa`,
  NodeID: "n1",
  DesiredState: "running",
  CreatedAt: "2026-01-01T00:00:11Z",
  Status: { State: state },
  ...extra,
});

describe("serviceStanding", () => {
  it("is ready when every desired task runs", () => {
    const standing = serviceStanding(replicated(2), [task("a", "running"), task("b", "running", { NodeID: "n2" })], nodes, since);
    expect(standing).toMatchObject({ desired: 2, running: 2, waiting: [], failed: [] });
    expect(isReady(standing)).toBe(true);
    expect(standing.tasks.map((t) => t.node)).toEqual(["berth-sw1", "berth-sw2"]);
    expect(serviceStanding(replicated(1), [task("a", "running", { GenericResources: [{ NamedResourceSpec: { Kind: "gpu", Value: "GPU-1" } }] })], nodes, since).tasks[0].gpus).toEqual(["GPU-1"]);
  });

  it("is not ready while a task starts (a healthcheck not yet passed) or the scheduler finds no node", () => {
    const pending = task("b", "pending", { NodeID: undefined, Status: { State: "pending", Err: "no suitable node (insufficient resources on 3 nodes)" } });
    const standing = serviceStanding(replicated(3), [task("a", "running"), task("c", "starting"), pending], nodes, since);
    expect(isReady(standing)).toBe(false);
    expect(describeStanding(standing)).toBe(
      "1 of 3 tasks running, waiting: starting on berth-sw1; pending on no node: no suitable node (insufficient resources on 3 nodes)",
    );
  });

  it("is not ready while fewer tasks exist than replicas, or while a rolling update moves tasks", () => {
    expect(isReady(serviceStanding(replicated(3), [task("a", "running")], nodes, since))).toBe(false);
    const updating = { ...replicated(1), UpdateStatus: { State: "updating", StartedAt: "2026-01-01T00:00:12Z" } };
    expect(isReady(serviceStanding(updating, [task("a", "running")], nodes, since))).toBe(false);
  });

  it("takes failures and update states of this attempt only, newest failure first", () => {
    const old = task("o", "failed", { DesiredState: "shutdown", CreatedAt: "2026-01-01T00:00:01Z", Status: { State: "failed", Err: "old" } });
    const first = task("f", "failed", { DesiredState: "shutdown", CreatedAt: "2026-01-01T00:00:11Z", Status: { State: "failed", Err: "task: non-zero exit (3)" } });
    const second = task("g", "rejected", { DesiredState: "shutdown", NodeID: "n2", CreatedAt: "2026-01-01T00:00:12Z", Status: { State: "rejected", Err: "No such image: x" } });
    const oldUpdate = { ...replicated(1), UpdateStatus: { State: "rollback_completed", StartedAt: "2026-01-01T00:00:01Z" } };
    const standing = serviceStanding(oldUpdate, [task("a", "running"), old, first, second], nodes, since);
    expect(standing.failed.map((t) => t.error)).toEqual(["No such image: x", "task: non-zero exit (3)"]);
    expect(standing).toMatchObject({ updateState: "rollback_completed", updateIsCurrent: false });
    expect(isReady(standing)).toBe(true);
    expect(describeStanding(standing)).toContain("last failure: task gaaaaaaaaaaa rejected on berth-sw2: No such image: x");
  });

  it("is not ready while an older update, cut short by a failover, still moves tasks", () => {
    const older = { ...replicated(1), UpdateStatus: { State: "updating", StartedAt: "2026-01-01T00:00:01Z" } };
    const standing = serviceStanding(older, [task("a", "running")], nodes, since);
    expect(isReady(standing)).toBe(false);
    expect(describeStanding(standing)).toBe("1 of 1 tasks running, update updating");
  });

  it("accepts more running tasks than replicas once no update moves tasks (a slot doubled by a failover)", () => {
    expect(isReady(serviceStanding(replicated(1), [task("a", "running"), task("b", "running")], nodes, since))).toBe(true);
  });

  it("counts a global service's desired tasks from the tasks meant to run", () => {
    const standing = serviceStanding({ Spec: { Mode: { Global: {} } } }, [task("a", "running"), task("b", "running", { NodeID: "n2" })], nodes, since);
    expect(standing).toMatchObject({ desired: 2, running: 2 });
  });
});
