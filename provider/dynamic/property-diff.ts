import { canonicalJson, specHash } from "../spec-hash";

/** How a change of one property reaches Docker: not at all, in place, or only by a new object. */
export type ChangeKind = "none" | "update" | "replace";

/** Per top-level property: a fixed kind for any change, or a function that decides. */
export type DiffRules = Record<string, ChangeKind | ((olds: unknown, news: unknown) => ChangeKind)>;

/** A host change replaces when the URL changes (another daemon); anything else about the host updates in place. */
export const hostUrlRule = (olds: unknown, news: unknown): ChangeKind =>
  (olds as { url?: unknown } | undefined)?.url === (news as { url?: unknown } | undefined)?.url ? "update" : "replace";

export interface PropertyDiff {
  changed: string[];
  replaces: string[];
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/**
 * Compares old outputs with new checked inputs, property by property, under a
 * resource's rules. Pure: no Docker calls. Properties without a rule are not
 * compared (outputs that are not inputs, ownership facts).
 */
export function diffProperties(olds: Record<string, unknown>, news: Record<string, unknown>, rules: DiffRules): PropertyDiff {
  const changed: string[] = [];
  const replaces: string[] = [];
  for (const [key, rule] of Object.entries(rules)) {
    if (sameValue(olds[key], news[key])) continue;
    const kind = typeof rule === "function" ? rule(olds[key], news[key]) : rule;
    if (kind === "none") continue;
    changed.push(key);
    if (kind === "replace") replaces.push(key);
  }
  return { changed, replaces };
}

/**
 * The hash of everything whose change replaces the object (the host by its
 * URL): it names auto-named objects and marks every object with its spec.
 */
export function replacingSpecHash(props: Record<string, unknown>, rules: DiffRules): string {
  const shaping = Object.keys(rules)
    .filter((key) => key !== "host" && rules[key] === "replace")
    .map((key) => [key, props[key] ?? null]);
  return specHash({ host: (props.host as { url: string }).url, ...Object.fromEntries(shaping) });
}
