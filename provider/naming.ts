import type { Owner } from "./docker/labels";
import { specHash } from "./spec-hash";

const MAX_PREFIX = 48;

/** Docker object names allow [a-zA-Z0-9][a-zA-Z0-9_.-]*; anything else becomes "-". */
function sanitize(part: string): string {
  return part.replace(/[^a-zA-Z0-9_.-]+/g, "-");
}

/**
 * A deterministic object name: a readable prefix from project, stack and
 * resource name, then a hash of the whole owner and the spec hash. The prefix
 * is only for people: it is cut and sanitised, so two owners may share it
 * (a long project name, `web api` and `web-api`); the hash tells them apart.
 * The same owner and spec always get the same name (so a retried create
 * finds its own object), a new spec a new name (so a replacement can be
 * created before the old object is deleted).
 */
export function objectName(owner: Owner, hash: string): string {
  const prefix = sanitize(`${owner.project}-${owner.stack}-${owner.resource}`)
    .slice(0, MAX_PREFIX)
    .replace(/^[^a-zA-Z0-9]+/, "");
  const unique = specHash({ project: owner.project, stack: owner.stack, resource: owner.resource, spec: hash });
  return `${prefix || "berth"}-${unique}`;
}

export const DOCKER_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
