import type { z } from "zod";
import { plainData } from "../dynamic/plain-props";
import { closestKey, knownKeysAt } from "./known-keys";
import { isUnknownAt, valueAt } from "./unknown";

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface CheckOutcome<T> {
  /** The validated inputs with defaults filled, or the raw inputs while some are still unknown. */
  inputs: T | Record<string, unknown>;
  failures: CheckFailure[];
}

function propertyPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/** What to say of a key a resource does not take but users write, by its path (array indices as `*`). */
export type KeyHints = Record<string, string>;

function unrecognizedKey(schema: z.ZodType, path: readonly PropertyKey[], key: string, kind: string, hints: KeyHints): CheckFailure {
  const property = propertyPath([...path, key]);
  const hint = hints[propertyPath([...path.map((step) => (typeof step === "number" ? "*" : step)), key])];
  if (hint) return { property, reason: `is not a ${kind} property: ${hint}` };
  const meant = closestKey(key, knownKeysAt(schema, path));
  return { property, reason: meant ? `is not a ${kind} property; did you mean \`${meant}\`?` : `is not a ${kind} property; remove it or check its spelling` };
}

function describe(schema: z.ZodType, issue: z.core.$ZodIssue, inputs: unknown, kind: string, hints: KeyHints): CheckFailure[] {
  if (issue.code === "unrecognized_keys") return issue.keys.map((key) => unrecognizedKey(schema, issue.path, key, kind, hints));
  const property = propertyPath(issue.path);
  const missing = issue.path.length > 0 && valueAt(inputs, issue.path) === undefined;
  // A record key's own rule says what is wrong with it.
  let reason = issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  const generic = /^(Invalid input|Invalid option|Too (big|small))/.test(reason);
  if (generic) reason = reason.replace(/^Invalid input: /, "");
  if (missing && issue.code === "invalid_type") reason = generic ? `is required; ${reason}` : `is required: ${reason}`;
  return [{ property: property || kind, reason }];
}

/**
 * Validates a resource's inputs with its schema. Failures name the property
 * path and say what to write instead; an unknown key gets its hint, else the
 * known key it most likely misspells. Values not known yet during preview are
 * tolerated: failures at (or under) an unknown value are dropped, and the raw
 * inputs are returned so that `diff` sees the unknowns.
 */
export function checkInputs<S extends z.ZodType>(schema: S, inputs: Record<string, unknown>, kind: string, hints: KeyHints = {}): CheckOutcome<z.infer<S>> {
  const parsed = schema.safeParse(inputs);
  if (parsed.success) return { inputs: plainData(parsed.data), failures: [] };
  const failures = parsed.error.issues
    .filter((issue) => !isUnknownAt(inputs, issue.path))
    .flatMap((issue) => describe(schema, issue, inputs, kind, hints));
  return { inputs, failures };
}
