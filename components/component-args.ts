import * as pulumi from "@pulumi/pulumi";

/** What is wrong with one argument of a component, as `check` says it of a resource's property. */
export interface ArgProblem {
  property: string;
  reason: string;
}

/** Keys a component does not know, each named with the advice resources give. */
export function unknownArgs(kind: string, args: object, known: readonly string[]): ArgProblem[] {
  return Object.keys(args)
    .filter((key) => !known.includes(key))
    .map((key) => ({ property: key, reason: `is not a ${kind} property; remove it or check its spelling` }));
}

/**
 * Components have no `check`: their arguments are checked in the program,
 * before any child is registered, and every problem is reported at once,
 * naming the property and what to write instead.
 */
export function rejectArgProblems(kind: string, name: string, problems: ArgProblem[], component: pulumi.Resource): void {
  if (problems.length === 0) return;
  const lines = problems.map((p) => `  property ${p.property}: ${p.reason}`).join("\n");
  throw new pulumi.ResourceError(`${kind} "${name}" has invalid arguments:\n${lines}`, component, true);
}

const HOST_MAP_EXAMPLE = '`{ gpu01: "ssh://ml@gpu-01", gpu02: "ssh://ml@gpu-02" }`';

/** The problem with a component's `hosts`, which maps short host names (used in child names and outputs) to hosts. */
export function hostMapProblems(hosts: unknown): ArgProblem[] {
  if (hosts === null || typeof hosts !== "object" || Array.isArray(hosts)) {
    return [{ property: "hosts", reason: `must map short names to hosts, e.g. ${HOST_MAP_EXAMPLE}` }];
  }
  if (Object.keys(hosts).length === 0) return [{ property: "hosts", reason: `must name at least one host, e.g. ${HOST_MAP_EXAMPLE}` }];
  return [];
}
