import type * as pulumi from "@pulumi/pulumi";
import { diffProperties, type DiffRules } from "../dynamic/property-diff";

/**
 * A persistent container is attached by name: what shapes it matters only at
 * its cold start, so a change of it updates state (the next attach warns when
 * the running container differs). Which hosts and which name are identity.
 * `runToken` changes on every program run and replaces a per_run container.
 * A no_launch or persistent one changes only when `check`, verifying the
 * hosts during an update, observed something other than what was stored:
 * then the update re-attaches or cold-starts. A preview observes nothing.
 */
const SHAPING = ["image", "command", "entrypoint", "env", "volumes", "cpus", "memory", "labels", "networks", "user", "workdir", "setupScript", "healthcheck", "devices", "privileged", "networkMode", "shmSize", "ipc", "ulimits", "stopGracePeriodSeconds"];

/** What `check` observes on a healthy set; states written before berth observed anything count as healthy. */
export const RUNNING_EVERYWHERE = "running on every host";

function rules(lifetime: unknown): DiffRules {
  const shaping = lifetime === "per_run" ? "replace" : "update";
  return {
    hosts: "replace",
    hostsTls: "update",
    name: "replace",
    lifetime: "replace",
    removeOnDestroy: "update",
    runToken: lifetime === "per_run" ? "replace" : "none",
    verifyHosts: "none",
    observed: (olds, news) => (lifetime === "per_run" || news === undefined || (olds === undefined && news === RUNNING_EVERYWHERE) ? "none" : "update"),
    pullPolicy: "update",
    registryAuth: "update",
    readiness: "update",
    ...Object.fromEntries(SHAPING.map((key) => [key, shaping])),
  };
}

export const persistentContainerRules = rules;

/** The container's name is fixed on every host, so a replacement must delete the old one first. */
export function persistentContainerDiff(olds: Record<string, unknown>, news: Record<string, unknown>): pulumi.dynamic.DiffResult {
  const { changed, replaces } = diffProperties(olds, news, rules(news.lifetime));
  return { changes: changed.length > 0, replaces, deleteBeforeReplace: replaces.length > 0 };
}
