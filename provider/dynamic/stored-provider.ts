import type * as pulumi from "@pulumi/pulumi";
import { HOOKS_ENTRY } from "./hooks-provider";

const PROVIDER_KEY = "__provider";

/**
 * Whether a resource's state holds a provider written before berth loaded its
 * hooks by package name: such a provider captured the absolute path of the
 * folder that ran `pulumi up`, so `refresh` and `destroy` fail anywhere else.
 */
export function storesPathBoundProvider(olds: Record<string, unknown>): boolean {
  const stored = olds[PROVIDER_KEY];
  return typeof stored === "string" && !stored.includes(HOOKS_ENTRY);
}

/**
 * A diff that also rewrites a path-bound provider: reporting a change makes
 * the engine run an update, which stores the current provider with the
 * outputs. Properties are untouched, so the update changes nothing on Docker.
 */
export function renewingPathBoundProvider(olds: Record<string, unknown>, diff: pulumi.dynamic.DiffResult): pulumi.dynamic.DiffResult {
  return !diff.changes && storesPathBoundProvider(olds) ? { ...diff, changes: true } : diff;
}
