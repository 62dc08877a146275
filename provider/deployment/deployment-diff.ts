import type * as pulumi from "@pulumi/pulumi";
import { memoryBytes } from "../docker/memory-size";
import { CONTAINER_DIFF_RULES } from "../container/container-diff-rules";
import { RUNTIME_FIELD_NAMES } from "../container/runtime-fields";
import { diffProperties, type DiffRules } from "../dynamic/property-diff";
import { isUnknown } from "../validation/unknown";

const memoryRule = (olds: unknown, news: unknown) => {
  const bytes = (v: unknown) => (v === undefined ? undefined : isUnknown(v) ? v : memoryBytes(v as string | number));
  if (bytes(olds) === bytes(news)) return "none";
  // Docker's update API can set or change a memory limit, not lift it.
  return olds !== undefined && news === undefined ? "replace" : "update";
};

/**
 * What Docker can change on a running container (restart policy, CPU and
 * memory limits, running or stopped) is updated in place; what only berth
 * reads (readiness, pull policy, host credentials) updates state; everything
 * that shapes the container replaces it, the stop grace period included:
 * it is the container's `StopTimeout`, which `docker stop` and a daemon
 * shutdown use and Docker's update API cannot change. So do the runtime
 * options (healthcheck, devices, privilege, modes, shm, ulimits) and the env
 * files (by path and sha256: a file whose content changed replaces).
 */
export const DEPLOYMENT_DIFF_RULES: DiffRules = {
  ...CONTAINER_DIFF_RULES,
  name: "replace",
  ports: "replace",
  cpus: "update",
  memory: memoryRule,
  restart: "update",
  stopGracePeriodSeconds: "replace",
  readiness: "update",
  running: "update",
  gpus: "replace",
  sidecars: "replace",
  ...Object.fromEntries(RUNTIME_FIELD_NAMES.map((key) => [key, "replace"])),
  envFiles: "replace",
};

type PortList = Array<{ hostPort?: number }>;

function fixedHostPorts(ports: unknown): number[] {
  return Array.isArray(ports) ? (ports as PortList).flatMap((p) => (typeof p?.hostPort === "number" ? [p.hostPort] : [])) : [];
}

export function deploymentDiff(olds: Record<string, unknown>, news: Record<string, unknown>): pulumi.dynamic.DiffResult {
  const { changed, replaces } = diffProperties(olds, news, DEPLOYMENT_DIFF_RULES);
  const sameHost = !replaces.includes("host");
  // Zero-downtime replacement creates the new container first; a fixed name or
  // a fixed host port kept by both cannot exist twice on one daemon.
  const keepsFixedName = news.name !== undefined && news.name === olds.name;
  const keepsFixedPort = fixedHostPorts(news.ports).some((p) => fixedHostPorts(olds.ports).includes(p));
  return {
    changes: changed.length > 0,
    replaces,
    deleteBeforeReplace: replaces.length > 0 && sameHost && (keepsFixedName || keepsFixedPort),
  };
}
