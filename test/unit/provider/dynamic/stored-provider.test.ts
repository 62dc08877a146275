import * as fs from "fs";
import * as os from "os";
import { createRequire } from "module";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { HOOKS_ENTRY, storedProviderText } from "../../../../provider/dynamic/hooks-provider";
import { renewingPathBoundProvider, storesPathBoundProvider } from "../../../../provider/dynamic/stored-provider";
import type { hooksFor, HooksKind } from "../../../../provider/provider-hooks";

const ROOT = path.resolve(__dirname, "../../../..");
const PATH_BOUND: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, "test/e2e/fixtures/path-bound-providers.json"), "utf8"));
const KINDS: HooksKind[] = ["volume", "deployment", "job", "persistent-container", "network", "swarm-service"];

/** The provider a stored text makes, loaded as Pulumi's dynamic provider loads it: a module whose `handler()` returns it. */
function loadStored(text: string): pulumi.dynamic.ResourceProvider {
  const module = { exports: {} as { handler(): pulumi.dynamic.ResourceProvider } };
  new Function("exports", "require", "module", text)(module.exports, require, module);
  return module.exports.handler();
}

/** The text Pulumi stores when it serialises the provider object itself, as `pulumi.dynamic.Resource` does (berth 0.2.0's SwarmService). */
async function serialisedText(kind: HooksKind): Promise<string> {
  const provider = loadStored(storedProviderText(kind));
  return (await pulumi.runtime.serializeFunction(() => provider, { exportName: "handler" })).text;
}

describe("the provider stored in state", () => {
  it.each(KINDS)("of a %s names the package entry and its kind, and no folder of this machine", (kind) => {
    const text = storedProviderText(kind);
    expect(text).toContain(HOOKS_ENTRY);
    expect(text).toContain(`"${kind}"`);
    expect(text).not.toContain(ROOT);
    expect(text).not.toMatch(/"\/[^"]*\/(dist|provider)\//);
  });

  // Networks and swarm services came after 0.1.0: no path-bound provider of either exists.
  it.each(KINDS.filter((kind) => kind !== "network" && kind !== "swarm-service"))("of a %s is recognised as portable, while berth 0.1.0's path-bound one is not", async (kind) => {
    expect(storesPathBoundProvider({ __provider: storedProviderText(kind) })).toBe(false);
    expect(storesPathBoundProvider({ __provider: await serialisedText(kind) })).toBe(false);
    expect(storesPathBoundProvider({ __provider: PATH_BOUND[kind] })).toBe(true);
    expect(storesPathBoundProvider({})).toBe(false);
  });

  it.each(KINDS)("of a %s forwards each call to that kind's hooks, found by package name", async (kind) => {
    const provider = loadStored(storedProviderText(kind));
    const entry: { hooksFor: typeof hooksFor } = createRequire(path.join(ROOT, "index.js"))(HOOKS_ENTRY);
    expect(await provider.check!({}, { unknownProperty: 1 })).toEqual(await entry.hooksFor(kind).check({}, { unknownProperty: 1 }));
    expect(Object.keys(provider)).toEqual(["check", "diff", "create", "read", "update", "delete"]);
  });

  it("says where it looked when the package is not installed there", async () => {
    const provider = loadStored(storedProviderText("volume"));
    const cwd = process.cwd();
    process.chdir(os.tmpdir());
    try {
      await expect(async () => provider.check!({}, {})).rejects.toThrow(`berth's volume provider could not load \`${HOOKS_ENTRY}\` from ${process.cwd()}`);
    } finally {
      process.chdir(cwd);
    }
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
