import { describe, expect, it } from "vitest";
import { stateView, type StackState } from "../../../cli/state/stack-state";

const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:abc" };
const urn = (type: string, name: string) => `urn:pulumi:prod::shop::pulumi-nodejs:dynamic/berth:${type}::${name}`;

function stack(deployment: unknown, overrides: Partial<StackState> = {}): StackState {
  return { project: "shop", stack: "prod", locked: false, deployment, ...overrides };
}

const view = (...stacks: StackState[]) => stateView({ source: "the test backend", stacks });

describe("stateView", () => {
  it.each<[string, unknown, string[]]>([
    ["a deployment's container id, name and resource id", { resources: [{ urn: urn("Deployment", "web"), id: "c1", outputs: { containerId: "c1", containerName: "shop-prod-web" } }] }, ["c1", "shop-prod-web"]],
    ["a volume's name", { resources: [{ urn: urn("Volume", "data"), id: "shop-prod-data", outputs: { volumeName: "shop-prod-data" } }] }, ["shop-prod-data"]],
    [
      "container ids nested in per-host results",
      { resources: [{ urn: urn("PersistentContainer", "db"), id: "x", outputs: { hostResults: [{ host: "ssh://a", containerId: "c2" }, { host: "ssh://b", containerId: "c3" }] } }] },
      ["x", "ssh://a", "c2", "ssh://b", "c3"],
    ],
    ["a stack output naming a volume", { resources: [{ urn: "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod", outputs: { volume: "v9" } }] }, ["v9"]],
    ["the outputs of resources under a pending update", { resources: [], pending_operations: [{ type: "updating", resource: { urn: urn("Deployment", "web"), id: "c4", outputs: { containerId: "c4" } } }] }, ["c4"]],
    ["nothing from a stack never deployed", undefined, []],
    ["nothing from an empty deployment", { resources: null }, []],
  ])("references %s", (_, deployment, expected) => {
    expect([...view(stack(deployment)).references].sort()).toEqual([...expected].sort());
  });

  it("reads references from every stack together, and each stack's lock", () => {
    const result = view(
      stack({ resources: [{ id: "c1", outputs: {} }] }),
      stack({ resources: [{ id: "c2", outputs: {} }] }, { stack: "dev", locked: true }),
    );
    expect([...result.references].sort()).toEqual(["c1", "c2"]);
    expect(result.stacks).toEqual([
      { project: "shop", stack: "prod", locked: false },
      { project: "shop", stack: "dev", locked: true },
    ]);
  });

  it("records interrupted creates by project, stack and resource name", () => {
    const result = view(stack({ resources: [], pending_operations: [{ type: "creating", resource: { urn: urn("Deployment", "stuck"), inputs: {} } }, { type: "deleting", resource: { urn: urn("Deployment", "old") } }] }));
    expect([...result.pendingCreates]).toEqual(["shop/prod/stuck"]);
  });

  it("tolerates secrets that do not hold references", () => {
    const result = view(stack({ resources: [{ urn: urn("Deployment", "web"), id: "c1", outputs: { env: SECRET, containerId: "c1" } }] }));
    expect([...result.references]).toEqual(["c1"]);
  });

  it.each<[string, StackState[], string]>([
    ["no stacks at all", [], "the test backend holds no stacks; refusing to treat every berth object as an orphan (is this the right backend?)"],
    [
      "a container id kept as a secret",
      [stack({ resources: [{ urn: urn("Deployment", "web"), id: "c1", outputs: { containerId: SECRET } }] })],
      "`containerId` of urn:pulumi:prod::shop::pulumi-nodejs:dynamic/berth:Deployment::web in stack `shop/prod` is a secret, so berth cannot tell which object it references",
    ],
    ["resources that are not a list", [stack({ resources: { web: {} } })], "stack `shop/prod`: its state is not a Pulumi deployment (`resources` and `pending_operations` must be lists)"],
    ["pending operations that are not a list", [stack({ resources: [], pending_operations: "none" })], "stack `shop/prod`: its state is not a Pulumi deployment"],
    ["a deployment that is not an object", [stack("v3")], "stack `shop/prod`: its state is not a Pulumi deployment"],
  ])("fails closed on %s", (_, stacks, message) => {
    expect(() => view(...stacks)).toThrow(message);
  });
});
