import type { BerthContainer } from "./berth-object";

export interface LogSource {
  container: BerthContainer;
  /** What each of its lines starts with: the host, and the container when there are several. */
  prefix: string;
}

/**
 * The containers whose logs `berth logs` shows, each with a prefix padded to
 * a common width. A resource name found in several stacks is an error: their
 * logs interleaved would mislead.
 */
export function logSources(resource: string, containers: BerthContainer[]): LogSource[] {
  const stacks = [...new Set(containers.map((c) => `${c.owner.project}/${c.owner.stack}`))];
  if (stacks.length > 1) {
    throw new Error(`resource \`${resource}\` exists in several stacks (${stacks.join(", ")}); choose one with \`--project\` and \`--stack\``);
  }
  const several = containers.length > 1;
  const prefixes = containers.map((c) => (several ? `${c.host} ${c.name}` : c.host));
  const width = Math.max(0, ...prefixes.map((p) => p.length));
  return containers.map((container, i) => ({ container, prefix: prefixes[i].padEnd(width) }));
}
