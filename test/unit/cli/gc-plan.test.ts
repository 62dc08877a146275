import { describe, expect, it } from "vitest";
import type { BerthObject } from "../../../cli/berth-object";
import { planGc } from "../../../cli/gc-plan";
import type { StateView } from "../../../cli/state/stack-state";
import { container, volume } from "./objects";

function state(overrides: Partial<StateView> = {}): StateView {
  return { stacks: [{ project: "shop", stack: "prod", locked: false }], references: new Set(), pendingCreates: new Set(), ...overrides };
}

const plan = (objects: BerthObject[], view: StateView, includePersistent = false, includeUnknown = false) =>
  planGc(objects, view, { includePersistent, includeUnknown }).map((e) => [e.object.name, e.action, e.reason]);

describe("planGc", () => {
  it.each<[string, BerthObject[], StateView, boolean, string[][]]>([
    ["lists nothing that state references by container id", [container("web")], state({ references: new Set(["id-web"]) }), false, []],
    ["lists nothing that state references by container name", [container("web")], state({ references: new Set(["web"]) }), false, []],
    ["lists nothing that state references by volume name", [volume("data")], state({ references: new Set(["data"]) }), false, []],
    ["removes a container missing from its stack's state", [container("web")], state(), false, [["web", "remove", "not in the state of stack `shop/prod`"]]],
    [
      "removes the container of an interrupted create, saying so",
      [container("stuck")],
      state({ pendingCreates: new Set(["shop/prod/stuck"]) }),
      false,
      [["stuck", "remove", "its create in stack `shop/prod` was interrupted"]],
    ],
    [
      "removes what belongs to a stack no longer in state",
      [container("web", { owner: { project: "shop", stack: "gone", resource: "web" } })],
      state(),
      false,
      [["web", "remove", "stack `shop/gone` is not in the state read"]],
    ],
    [
      "keeps everything of a locked stack: its update may be creating it right now",
      [container("web"), volume("data")],
      state({ stacks: [{ project: "shop", stack: "prod", locked: true }] }),
      false,
      [
        ["web", "keep", "stack `shop/prod` is locked by an update; if none is running, run `pulumi cancel` on it first"],
        ["data", "keep", "stack `shop/prod` is locked by an update; if none is running, run `pulumi cancel` on it first"],
      ],
    ],
    ["keeps a persistent container", [container("db", { lifetime: "persistent" })], state(), false, [["db", "keep", "lifetime `persistent`; pass `--include-persistent` to remove it"]]],
    ["removes a persistent container when asked", [container("db", { lifetime: "persistent" })], state(), true, [["db", "remove", "not in the state of stack `shop/prod`"]]],
    ["removes a per_run container", [container("db", { lifetime: "per_run" })], state(), false, [["db", "remove", "not in the state of stack `shop/prod`"]]],
    [
      "removes a volume whose only user is removed too",
      [volume("data", { usedBy: ["web"] }), container("web")],
      state(),
      false,
      [
        ["web", "remove", "not in the state of stack `shop/prod`"],
        ["data", "remove", "not in the state of stack `shop/prod`"],
      ],
    ],
    [
      "keeps a volume a referenced container mounts",
      [volume("data", { usedBy: ["web"] }), container("web")],
      state({ references: new Set(["id-web"]) }),
      false,
      [["data", "keep", "in use by container web"]],
    ],
    [
      "keeps a volume a kept persistent container mounts",
      [volume("data", { usedBy: ["db"] }), container("db", { lifetime: "persistent" })],
      state(),
      false,
      [
        ["db", "keep", "lifetime `persistent`; pass `--include-persistent` to remove it"],
        ["data", "keep", "in use by container db"],
      ],
    ],
    [
      "keeps a volume whose user of the same name lives on another host",
      [volume("data", { usedBy: ["web"] }), container("web", { host: "ssh://other" })],
      state({ references: new Set() }),
      false,
      [
        ["web", "remove", "not in the state of stack `shop/prod`"],
        ["data", "keep", "in use by container web"],
      ],
    ],
    [
      "keeps a volume mounted by a container that is not berth's",
      [volume("data", { usedBy: ["someone-elses"] })],
      state(),
      false,
      [["data", "keep", "in use by container someone-elses"]],
    ],
  ])("%s", (_, objects, view, includePersistent, expected) => {
    expect(plan(objects, view, includePersistent)).toEqual(expected);
  });
});

describe("planGc with objects of projects the state does not know", () => {
  const foreign = container("billing-api", { owner: { project: "billing", stack: "prod", resource: "api" } });
  const foreignVolume = volume("billing-data", { owner: { project: "billing", stack: "prod", resource: "data" } });
  const unknown = "unknown: project `billing` has no stack in the state read; pass `--project billing` to remove it";

  it("keeps them, listed as unknown, while removing the known project's orphans", () => {
    expect(plan([container("web"), foreign, foreignVolume], state())).toEqual([
      ["web", "remove", "not in the state of stack `shop/prod`"],
      ["billing-api", "keep", unknown],
      ["billing-data", "keep", unknown],
    ]);
  });

  it("keeps them even when persistent ones are included", () => {
    expect(plan([container("db", { lifetime: "persistent", owner: { project: "billing", stack: "prod", resource: "db" } })], state(), true)).toEqual([["db", "keep", unknown]]);
  });

  it("removes them when the user names them", () => {
    expect(plan([foreign, foreignVolume], state(), false, true)).toEqual([
      ["billing-api", "remove", "stack `billing/prod` is not in the state read"],
      ["billing-data", "remove", "stack `billing/prod` is not in the state read"],
    ]);
  });

  it("still keeps a locked stack's objects when the user names them", () => {
    const view = state({ stacks: [{ project: "billing", stack: "dev", locked: false }, { project: "billing", stack: "prod", locked: true }] });
    expect(plan([foreign], view, false, true)).toEqual([
      ["billing-api", "keep", "stack `billing/prod` is locked by an update; if none is running, run `pulumi cancel` on it first"],
    ]);
  });
});
