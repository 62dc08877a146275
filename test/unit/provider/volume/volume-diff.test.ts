import { describe, expect, it } from "vitest";
import { volumeDiff } from "../../../../provider/volume/volume-diff";

const host = { url: "unix:///var/run/docker.sock" };
const base = { host, driver: "local", driverOptions: {}, labels: { a: "1", b: "2" }, adopt: false, owner: { project: "p", stack: "s", resource: "r" } };
const outputs = { ...base, volumeName: "p-s-r-12345678", mountpoint: "/var/lib/docker/volumes/x/_data", specHash: "123456789abc", adopted: false };

describe("volumeDiff", () => {
  it.each([
    ["nothing changed", {}, { changes: false, replaces: [], deleteBeforeReplace: false }],
    // Names are outputs: a volume named by an earlier naming rule, or renamed with aliases, keeps its name and shows no change.
    ["only the owner: a rename with aliases", { owner: { project: "p", stack: "s", resource: "renamed" } }, { changes: false, replaces: [] }],
    ["labels in another order", { labels: { b: "2", a: "1" } }, { changes: false, replaces: [] }],
    ["a label value", { labels: { a: "1", b: "3" } }, { changes: true, replaces: ["labels"], deleteBeforeReplace: false }],
    ["the driver", { driver: "nfs" }, { changes: true, replaces: ["driver"] }],
    ["a driver option", { driverOptions: { type: "tmpfs" } }, { changes: true, replaces: ["driverOptions"] }],
    ["the host URL", { host: { url: "unix:///run/h1.sock" } }, { changes: true, replaces: ["host"] }],
    ["only the host's probe address", { host: { ...host, probeAddress: "10.0.0.1" } }, { changes: true, replaces: [] }],
    ["adopt", { adopt: true }, { changes: true, replaces: [] }],
  ])("%s", (_what, change, expected) => {
    expect(volumeDiff(outputs, { ...base, ...change })).toMatchObject(expected);
  });

  it("deletes before replacing when a fixed name must be reused", () => {
    const old = { ...outputs, name: "models" };
    expect(volumeDiff(old, { ...base, name: "models", driver: "nfs" })).toEqual({ changes: true, replaces: ["driver"], deleteBeforeReplace: true });
  });

  it("creates before deleting when the fixed name changes too", () => {
    const old = { ...outputs, name: "models" };
    expect(volumeDiff(old, { ...base, name: "models-v2" }).deleteBeforeReplace).toBe(false);
  });

  it("treats a value unknown during preview as a change", () => {
    expect(volumeDiff(outputs, { ...base, labels: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" })).toMatchObject({ changes: true, replaces: ["labels"] });
  });
});
