import { describe, expect, it } from "vitest";
import { swarmServiceDiff } from "../../../../provider/swarm/swarm-service-diff";
import { swarmServiceSchema } from "../../../../provider/swarm/swarm-service-schema";

const owner = { project: "p", stack: "s", resource: "r" };
const checked = (extra: Record<string, unknown>) =>
  swarmServiceSchema.parse({ host: "unix:///run/m.sock", owner, image: "berth.local/web:latest", ...extra }) as unknown as Record<string, unknown>;

describe("swarmServiceDiff", () => {
  it("sees no change when only the order of volumes or networks differs", () => {
    const a = checked({ networks: ["a", "b"], volumes: [{ source: "x", target: "/x" }, { source: "y", target: "/y" }] });
    const b = checked({ networks: ["b", "a"], volumes: [{ source: "y", target: "/y" }, { source: "x", target: "/x" }] });
    expect(swarmServiceDiff(a, b)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it.each([
    ["image", { image: "berth.local/drainer:latest" }],
    ["replicas", { replicas: 5 }],
    ["env", { env: { A: "1" } }],
    ["gpus", { gpus: 1 }],
    ["update", { update: { parallelism: 3 } }],
  ])("updates %s in place: the swarm rolls the tasks", (_key, change) => {
    expect(swarmServiceDiff(checked({}), checked(change))).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("replaces on another mode or another manager URL, deleting first when a fixed name is kept", () => {
    expect(swarmServiceDiff(checked({}), checked({ mode: "global" })).replaces).toEqual(["mode"]);
    expect(swarmServiceDiff(checked({ name: "api" }), checked({ name: "api", mode: "global" }))).toMatchObject({ deleteBeforeReplace: true });
    expect(swarmServiceDiff(checked({}), checked({ host: "unix:///run/other.sock" })).replaces).toEqual(["host"]);
  });
});
