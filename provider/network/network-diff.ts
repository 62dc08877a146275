import type * as pulumi from "@pulumi/pulumi";
import { diffProperties, hostUrlRule, type DiffRules } from "../dynamic/property-diff";

/** Docker cannot change a network after its creation: everything that reaches Docker replaces; the rest updates state only. */
export const NETWORK_DIFF_RULES: DiffRules = {
  host: hostUrlRule,
  hostTls: "update",
  name: "replace",
  driver: "replace",
  internal: "replace",
  attachable: "replace",
  ipam: "replace",
  labels: "replace",
  adopt: "update",
};

export function networkDiff(olds: Record<string, unknown>, news: Record<string, unknown>): pulumi.dynamic.DiffResult {
  const { changed, replaces } = diffProperties(olds, news, NETWORK_DIFF_RULES);
  // A fixed name, or a fixed subnet, on the same daemon cannot exist twice: the old network must go first.
  const sameHost = !replaces.includes("host");
  const sameFixedName = news.name !== undefined && news.name === olds.name;
  const sameSubnet = (news.ipam as { subnet?: string } | undefined)?.subnet !== undefined && (news.ipam as { subnet?: string }).subnet === (olds.ipam as { subnet?: string } | undefined)?.subnet;
  return {
    changes: changed.length > 0,
    replaces,
    deleteBeforeReplace: replaces.length > 0 && sameHost && (sameFixedName || sameSubnet),
  };
}
