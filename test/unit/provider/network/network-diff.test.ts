import { describe, expect, it } from "vitest";
import * as hooks from "../../../../provider/network/network-hooks";
import { networkDiff } from "../../../../provider/network/network-diff";

const host = { url: "unix:///var/run/docker.sock" };
const base = { host, driver: "bridge", internal: false, attachable: false, labels: { a: "1" }, adopt: false, owner: { project: "p", stack: "s", resource: "r" } };
const outputs = { ...base, networkName: "p-s-r-123456789abc", networkId: "f".repeat(64), specHash: "123456789abc", adopted: false };

describe("Network check fills the defaults docs/networks.md states", () => {
  it("bridge, not internal, not attachable, no ipam, no labels, not adopted", async () => {
    const { inputs, failures } = await hooks.check({}, { host, owner: base.owner });
    expect(failures).toEqual([]);
    expect(inputs).toEqual({ host, owner: base.owner, driver: "bridge", internal: false, attachable: false, labels: {}, adopt: false });
  });
});

describe("networkDiff", () => {
  it.each([
    ["nothing changed", {}, { changes: false, replaces: [], deleteBeforeReplace: false }],
    ["only the owner: a rename with aliases", { owner: { project: "p", stack: "s", resource: "renamed" } }, { changes: false, replaces: [] }],
    ["internal", { internal: true }, { changes: true, replaces: ["internal"], deleteBeforeReplace: false }],
    ["attachable", { attachable: true }, { changes: true, replaces: ["attachable"] }],
    ["the driver", { driver: "macvlan" }, { changes: true, replaces: ["driver"] }],
    ["a label", { labels: { a: "2" } }, { changes: true, replaces: ["labels"] }],
    ["a new subnet", { ipam: { subnet: "10.42.0.0/24" } }, { changes: true, replaces: ["ipam"], deleteBeforeReplace: false }],
    ["the host URL", { host: { url: "unix:///run/h1.sock" } }, { changes: true, replaces: ["host"] }],
    ["adopt", { adopt: true }, { changes: true, replaces: [] }],
  ])("%s", (_what, change, expected) => {
    expect(networkDiff(outputs, { ...base, ...change })).toMatchObject(expected);
  });

  it("deletes before replacing when a fixed name or a fixed subnet must be reused on the same host", () => {
    expect(networkDiff({ ...outputs, name: "backend" }, { ...base, name: "backend", internal: true })).toMatchObject({ deleteBeforeReplace: true });
    const subnet = { subnet: "10.42.0.0/24" };
    expect(networkDiff({ ...outputs, ipam: subnet }, { ...base, ipam: { ...subnet, gateway: "10.42.0.254" } })).toMatchObject({ replaces: ["ipam"], deleteBeforeReplace: true });
    expect(networkDiff({ ...outputs, name: "backend" }, { ...base, name: "backend", host: { url: "unix:///run/h1.sock" } })).toMatchObject({ deleteBeforeReplace: false });
  });
});
