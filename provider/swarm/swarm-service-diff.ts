import type * as pulumi from "@pulumi/pulumi";
import { diffProperties, hostUrlRule, type DiffRules } from "../dynamic/property-diff";

/**
 * The swarm updates a service in place, rolling its tasks, for any change of
 * what they run; only another manager (another swarm), another name or
 * another mode (Docker cannot turn a replicated service global) replaces it.
 * The props compared are what the user wrote, with berth's defaults filled in
 * by `check`, never the spec the swarm filled in: no perpetual diffs.
 */
export const SWARM_SERVICE_DIFF_RULES: DiffRules = {
  host: hostUrlRule,
  hostTls: "update",
  name: "replace",
  mode: "replace",
  ...Object.fromEntries(
    [
      "image", "registryAuth", "command", "entrypoint", "env", "volumes", "cpus", "memory", "reservations", "labels", "networks", "user",
      "workdir", "gpus", "replicas", "placement", "ports", "endpointMode", "update", "stopGracePeriodSeconds", "readiness",
    ].map((key) => [key, "update" as const]),
  ),
};

export function swarmServiceDiff(olds: Record<string, unknown>, news: Record<string, unknown>): pulumi.dynamic.DiffResult {
  const { changed, replaces } = diffProperties(olds, news, SWARM_SERVICE_DIFF_RULES);
  // A kept fixed name cannot exist twice in one swarm.
  const keepsFixedName = news.name !== undefined && news.name === olds.name && !replaces.includes("host");
  return { changes: changed.length > 0, replaces, deleteBeforeReplace: replaces.length > 0 && keepsFixedName };
}
