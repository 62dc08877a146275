import type { z } from "zod";
import { plainData } from "../dynamic/plain-props";
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

function describe(issue: z.core.$ZodIssue, inputs: unknown, kind: string): CheckFailure[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      property: propertyPath([...issue.path, key]),
      reason: `is not a ${kind} property; remove it or check its spelling`,
    }));
  }
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
 * path and say what to write instead. Values not known yet during preview are
 * tolerated: failures at (or under) an unknown value are dropped, and the raw
 * inputs are returned so that `diff` sees the unknowns.
 */
export function checkInputs<S extends z.ZodType>(schema: S, inputs: Record<string, unknown>, kind: string): CheckOutcome<z.infer<S>> {
  const parsed = schema.safeParse(inputs);
  if (parsed.success) return { inputs: plainData(parsed.data), failures: [] };
  const failures = parsed.error.issues
    .filter((issue) => !isUnknownAt(inputs, issue.path))
    .flatMap((issue) => describe(issue, inputs, kind));
  return { inputs, failures };
}
