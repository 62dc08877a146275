import type { ResourceHooks } from "./dynamic/hooks-provider";
import { renewingPathBoundProvider } from "./dynamic/stored-provider";

/**
 * The package entry `pulumi-berth/provider-hooks`, loaded by every provider
 * stored in state. Its name, the kinds and `hooksFor` are a contract with
 * every state any berth release has written: kinds may be added, never
 * renamed or removed (docs/state.md).
 */
const HOOKS_MODULES = {
  volume: "./volume/volume-hooks",
  deployment: "./deployment/deployment-hooks",
  job: "./job/job-hooks",
  "persistent-container": "./persistent/persistent-container-hooks",
  network: "./network/network-hooks",
  "swarm-service": "./swarm/swarm-service-hooks",
} as const;

export type HooksKind = keyof typeof HOOKS_MODULES;

/** The hooks of one resource kind, loaded on first use so that a call loads only its own kind. */
export function hooksFor(kind: HooksKind): ResourceHooks {
  const module = HOOKS_MODULES[kind];
  if (module === undefined) throw new Error(`this berth release has no provider for resources of kind "${kind}": install the berth release that created them`);
  const hooks: ResourceHooks = require(module);
  return { ...hooks, diff: async (id, olds, news) => renewingPathBoundProvider(olds, await hooks.diff(id, olds, news)) };
}
