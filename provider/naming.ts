import type { Owner } from "./docker/labels";

const MAX_PREFIX = 48;

/** Docker object names allow [a-zA-Z0-9][a-zA-Z0-9_.-]*; anything else becomes "-". */
function sanitize(part: string): string {
  return part.replace(/[^a-zA-Z0-9_.-]+/g, "-");
}

/**
 * A deterministic object name: a readable prefix from project, stack and
 * resource name, then the short spec hash. The same spec always gets the same
 * name (so a retried create finds its own object), a new spec a new name (so a
 * replacement can be created before the old object is deleted).
 */
export function objectName(owner: Owner, hash: string): string {
  const prefix = sanitize(`${owner.project}-${owner.stack}-${owner.resource}`)
    .slice(0, MAX_PREFIX)
    .replace(/^[^a-zA-Z0-9]+/, "");
  return `${prefix || "berth"}-${hash.slice(0, 8)}`;
}

export const DOCKER_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
