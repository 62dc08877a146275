import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { hooksProvider, HOOKS_ENTRY } from "../../../../provider/dynamic/hooks-provider";
import { renewingPathBoundProvider, storesPathBoundProvider } from "../../../../provider/dynamic/stored-provider";
import type { hooksFor, HooksKind } from "../../../../provider/provider-hooks";

const ROOT = path.resolve(__dirname, "../../../..");
const PATH_BOUND: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, "test/e2e/fixtures/path-bound-providers.json"), "utf8"));
const KINDS: HooksKind[] = ["volume", "deployment", "job", "persistent-container", "network"];

/** The text Pulumi stores in state for a provider object. */
async function storedText(kind: HooksKind): Promise<string> {
  const provider = hooksProvider(kind);
  return (await pulumi.runtime.serializeFunction(() => provider, { exportName: "handler" })).text;
}

describe("the provider stored in state", () => {
  it.each(KINDS)("of a %s names the package entry and its kind, and no folder of this machine", async (kind) => {
    const text = await storedText(kind);
    expect(text).toContain(HOOKS_ENTRY);
    expect(text).toContain(`"${kind}"`);
    expect(text).not.toContain(ROOT);
    expect(text).not.toMatch(/"\/[^"]*\/(dist|provider)\//);
  });

  // Networks came after 0.1.0: no path-bound provider of one exists.
  it.each(KINDS.filter((kind) => kind !== "network"))("of a %s is recognised as portable, while berth 0.1.0's path-bound one is not", async (kind) => {
    expect(storesPathBoundProvider({ __provider: await storedText(kind) })).toBe(false);
    expect(storesPathBoundProvider({ __provider: PATH_BOUND[kind] })).toBe(true);
    expect(storesPathBoundProvider({})).toBe(false);
  });

  it("turns a quiet diff into an in-place update only when the stored provider is path-bound", () => {
    const quiet = { changes: false, replaces: [] };
    expect(renewingPathBoundProvider({ __provider: PATH_BOUND.volume }, quiet)).toEqual({ changes: true, replaces: [] });
    expect(renewingPathBoundProvider({ __provider: `require("${HOOKS_ENTRY}")` }, quiet)).toEqual(quiet);
    const replacing = { changes: true, replaces: ["image"], deleteBeforeReplace: true };
    expect(renewingPathBoundProvider({ __provider: PATH_BOUND.volume }, replacing)).toEqual(replacing);
  });

  it("is served for every kind by the package entry, found by name from the project folder as the stored provider finds it", () => {
    const entry: { hooksFor: typeof hooksFor } = createRequire(path.join(ROOT, "index.js"))(HOOKS_ENTRY);
    for (const kind of KINDS) expect(Object.keys(entry.hooksFor(kind))).toEqual(expect.arrayContaining(["check", "diff", "create", "read", "update", "delete"]));
    expect(() => entry.hooksFor("firewall" as HooksKind)).toThrow('no provider for resources of kind "firewall"');
  });
});
