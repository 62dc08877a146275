import type * as pulumi from "@pulumi/pulumi";
import type { HooksKind } from "../provider-hooks";

/**
 * The functions a resource's hooks module exports. They run in the dynamic
 * provider process and receive plain property bags.
 */
export interface ResourceHooks {
  check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult>;
  diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult>;
  create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult>;
  read(id: string, props: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult>;
  update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult>;
  delete(id: string, props: Record<string, unknown>): Promise<void>;
}

/** The package entry every stored provider loads; see docs/state.md before changing either. */
export const HOOKS_ENTRY = "pulumi-berth/provider-hooks";

/**
 * The module text stored as a resource's `__provider`: a dynamic provider
 * that forwards every call to berth's hooks for one kind, written out from
 * its own source. `read` and `delete` run from this text, so it captures
 * nothing of the machine that wrote it: at call time it finds berth by
 * package name from the folder the `pulumi` command runs in, as the stack
 * program's own `import` does. State written on one machine, folder or berth
 * release is then served by the berth installed wherever the next command
 * runs. Pulumi's closure serialisation of the same provider object (what
 * berth 0.2.0 stored for a SwarmService) works alike but spends about 0.5 s
 * of CPU on the first provider of every program run (an inspector session
 * walking the closure).
 */
export function storedProviderText(kind: HooksKind): string {
  return `exports.handler = () => (${forwarder.toString()})(${JSON.stringify(kind)}, ${JSON.stringify(HOOKS_ENTRY)});\n`;
}

/** Self-contained: `storedProviderText` stores its source, so it may use nothing from this module. */
function forwarder(kind: string, entry: string): pulumi.dynamic.ResourceProvider {
  function hooks(): ResourceHooks {
    const { createRequire } = require("module");
    const from = require("path").join(process.cwd(), "index.js");
    let loaded;
    try {
      loaded = createRequire(from)(entry);
    } catch (err) {
      const cause = err instanceof Error ? err.message.split("\n")[0] : String(err);
      throw new Error(`berth's ${kind} provider could not load \`${entry}\` from ${process.cwd()} (${cause}). Run \`npm install pulumi-berth\` in the stack's project folder, then run the command again from there.`);
    }
    return loaded.hooksFor(kind);
  }
  return {
    check: (olds, news) => hooks().check(olds, news),
    diff: (id, olds, news) => hooks().diff(id, olds, news),
    create: (inputs) => hooks().create(inputs),
    read: (id, props) => hooks().read(id, props),
    update: (id, olds, news) => hooks().update(id, olds, news),
    delete: (id, props) => hooks().delete(id, props),
  };
}
