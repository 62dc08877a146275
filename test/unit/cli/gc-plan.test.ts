import { describe, expect, it } from "vitest";
import type { BerthObject } from "../../../cli/berth-object";
import { planGc } from "../../../cli/gc-plan";
import type { StateView } from "../../../cli/state/stack-state";
import { container, volume } from "./objects";

function state(overrides: Partial<StateView> = {}): StateView {
  return { stacks: [{ project: "shop", stack: "prod", locked: false }], references: new Set(), pendingCreates: new Set(), ...overrides };
}

const plan = (objects: BerthObject[], view: StateView, includePersistent = false) =>
  planGc(objects, view, { includePersistent }).map((e) => [e.object.name, e.action, e.reason]);

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
