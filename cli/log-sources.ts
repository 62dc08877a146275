import type { BerthContainer, BerthService } from "./berth-object";

/** What berth logs reads: a container on a host, or a swarm service through its manager. */
export type Logged = BerthContainer | BerthService;

export type LogSource =
  | {
      container: BerthContainer;
      /** What each of its lines starts with, padded to a common width: the service, as `docker compose logs` names it. */
      prefix: string;
    }
  | {
      service: BerthService;
      /** The prefix of a line of a task on the node of that hostname, padded as the others. */
      prefixOn(node: string): string;
    };

const stackOf = (c: Logged) => `${c.owner.project}/${c.owner.stack}`;
const unique = (values: string[]) => [...new Set(values)];

/**
 * The containers each name stands for: those of the resource with that name,
 * else those of a component's children (a component `trainer` names them
 * `trainer-container`, `trainer-deployment` …). No names: every container.
 * A name that matches nothing is an error listing what there is; a name found
 * in several stacks is one too, because their logs interleaved would mislead.
 */
export function selectLogged<T extends Logged>(names: string[], containers: T[], where: string): T[] {
  // By stack and resource; a resource's containers stay in host order.
  const ordered = [...containers].sort((a, b) => stackOf(a).localeCompare(stackOf(b)) || a.owner.resource.localeCompare(b.owner.resource));
  if (names.length === 0) {
    if (containers.length === 0) throw new Error(`no berth containers${where}`);
    return ordered;
  }
  const selected = new Set<T>();
  for (const name of names) {
    const own = containers.filter((c) => c.owner.resource === name);
    const matches = own.length > 0 ? own : containers.filter((c) => c.owner.resource.startsWith(`${name}-`));
    if (matches.length === 0) {
      const candidates = unique(containers.map((c) => c.owner.resource)).sort();
      throw new Error(`no resource named \`${name}\`${where}; ${candidates.length > 0 ? `resources there: ${candidates.join(", ")}` : "there are no berth containers there"}`);
    }
    const stacks = unique(matches.map(stackOf)).sort();
    if (stacks.length > 1) {
      throw new Error(`resource \`${name}\` exists in several stacks (${stacks.join(", ")}); choose one with \`--project\` and \`--stack\``);
    }
    matches.forEach((c) => selected.add(c));
  }
  return ordered.filter((c) => selected.has(c));
}

/** A host as a person names it: `gpu-01`, `10.0.0.5:2376`, or a socket's path. */
export function hostLabel(url: string): string {
  const parsed = new URL(url);
  return parsed.protocol === "unix:" ? parsed.pathname : parsed.host;
}

/** A container's service: its resource, and for a sidecar the sidecar's own name (`api/metrics`). */
function serviceOf(c: BerthContainer): string {
  const sidecar = c.sidecarOf && c.name.startsWith(`${c.sidecarOf}-`) ? c.name.slice(c.sidecarOf.length + 1) : undefined;
  return sidecar ? `${c.owner.resource}/${sidecar}` : c.owner.resource;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/**
 * Each container's prefix, as short as tells them apart: the service; its
 * host (`api@gpu-01`) only when the service runs on several; a number
 * (`api-1`, `api-2`) for several containers of one service on one host; and
 * the stack (`shop/prod/api`) only when the containers come from several.
 * A swarm service's lines always name the node of their task (`web@node-2`):
 * the swarm places and moves tasks, so where a line comes from is news.
 */
export function logSources(logged: Logged[]): LogSource[] {
  const containers = logged.filter((o): o is BerthContainer => o.type === "container");
  const severalStacks = unique(logged.map(stackOf)).length > 1;
  const names = new Map<BerthContainer, string>();
  for (const group of groupBy(containers, (c) => `${stackOf(c)} ${serviceOf(c)}`).values()) {
    const severalHosts = unique(group.map((c) => c.host)).length > 1;
    for (const onHost of groupBy(group, (c) => c.host).values()) {
      const sorted = [...onHost].sort((a, b) => a.name.localeCompare(b.name));
      sorted.forEach((c, i) => {
        const service = `${severalStacks ? `${stackOf(c)}/` : ""}${serviceOf(c)}${severalHosts ? `@${hostLabel(c.host)}` : ""}`;
        names.set(c, sorted.length > 1 ? `${service}-${i + 1}` : service);
      });
    }
  }
  const taskPrefix = (service: BerthService, node: string) => `${severalStacks ? `${stackOf(service)}/` : ""}${service.owner.resource}@${node}`;
  const services = logged.filter((o): o is BerthService => o.type === "service");
  const taskPrefixes = services.flatMap((service) => service.tasks.map((task) => taskPrefix(service, task.node)));
  const width = Math.max(0, ...[...names.values(), ...taskPrefixes].map((name) => name.length));
  return logged.map((object) =>
    object.type === "container"
      ? { container: object, prefix: names.get(object)!.padEnd(width) }
      : { service: object, prefixOn: (node: string) => taskPrefix(object, node).padEnd(width) },
  );
}
