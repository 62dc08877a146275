import type * as pulumi from "@pulumi/pulumi";
import { diffProperties, hostUrlRule, type DiffRules } from "../dynamic/property-diff";

/** Docker volumes are immutable: everything that reaches Docker replaces; the rest updates state only. */
export const VOLUME_DIFF_RULES: DiffRules = {
  host: hostUrlRule,
  hostTls: "update",
  name: "replace",
  driver: "replace",
  driverOptions: "replace",
  labels: "replace",
  adopt: "update",
};

export function volumeDiff(olds: Record<string, unknown>, news: Record<string, unknown>): pulumi.dynamic.DiffResult {
  const { changed, replaces } = diffProperties(olds, news, VOLUME_DIFF_RULES);
  // A fixed name on the same daemon cannot exist twice: the old volume must go first.
  const sameFixedName = news.name !== undefined && news.name === olds.name && !replaces.includes("host");
  return {
    changes: changed.length > 0,
    replaces,
    deleteBeforeReplace: replaces.length > 0 && sameFixedName,
  };
}
