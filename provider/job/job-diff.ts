import type * as pulumi from "@pulumi/pulumi";
import { CONTAINER_DIFF_RULES } from "../container/container-diff-rules";
import { diffProperties, type DiffRules } from "../dynamic/property-diff";

/** What changes the work re-runs the job (a replacement); how it is run only updates state. */
export const JOB_DIFF_RULES: DiffRules = {
  ...CONTAINER_DIFF_RULES,
  cpus: "update",
  memory: "update",
  timeoutSeconds: "update",
  backoffLimit: "update",
  successExitCodes: "replace",
  triggers: "replace",
  logTailLines: "update",
  gpus: "update",
};

/** A re-run removes the container the earlier run kept for its logs itself, so it never has to wait for a delete. */
export function jobDiff(olds: Record<string, unknown>, news: Record<string, unknown>): pulumi.dynamic.DiffResult {
  const { changed, replaces } = diffProperties(olds, news, JOB_DIFF_RULES);
  return { changes: changed.length > 0, replaces, deleteBeforeReplace: false };
}
