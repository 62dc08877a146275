import type * as pulumi from "@pulumi/pulumi";
import { diffProperties, hostUrlRule, type DiffRules } from "../dynamic/property-diff";

/** What changes the work re-runs the job (a replacement); how it is run only updates state. */
export const JOB_DIFF_RULES: DiffRules = {
  host: hostUrlRule,
  hostTls: "update",
  image: "replace",
  pullPolicy: "update",
  registryAuth: "update",
  command: "replace",
  entrypoint: "replace",
  env: "replace",
  volumes: "replace",
  cpus: "update",
  memory: "update",
  labels: "replace",
  networks: "replace",
  user: "replace",
  workdir: "replace",
  timeoutSeconds: "update",
  backoffLimit: "update",
  successExitCodes: "replace",
  triggers: "replace",
  logTailLines: "update",
  gpus: "update",
};

/** A job leaves no object behind between runs, so a re-run never has to wait for a delete. */
export function jobDiff(olds: Record<string, unknown>, news: Record<string, unknown>): pulumi.dynamic.DiffResult {
  const { changed, replaces } = diffProperties(olds, news, JOB_DIFF_RULES);
  return { changes: changed.length > 0, replaces, deleteBeforeReplace: false };
}
