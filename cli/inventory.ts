import type Docker from "dockerode";
import { trustedContainers } from "../provider/docker/label-trust";
import { LABELS, MANAGED_BY } from "../provider/docker/labels";
import { nodeNames } from "../provider/swarm/service-gate";
import { containerObject, serviceObject, volumeObject, volumeUsers, type BerthContainer, type BerthObject, type BerthService, type ListedTask } from "./berth-object";
import { answerWithin } from "./each-host";
import type { HostTarget } from "./host-targets";

/** Narrows a listing to one project, stack or resource; berth's managed-by label is always required. */
export interface ObjectFilter {
  project?: string;
  stack?: string;
  resource?: string;
}

function labelFilter(filter: ObjectFilter): string[] {
  const labels = [`${LABELS.managedBy}=${MANAGED_BY}`];
  if (filter.project) labels.push(`${LABELS.project}=${filter.project}`);
  if (filter.stack) labels.push(`${LABELS.stack}=${filter.stack}`);
  if (filter.resource) labels.push(`${LABELS.resource}=${filter.resource}`);
  return labels;
}

const defined = <T>(value: T | undefined): value is T => value !== undefined;
const byName = (a: BerthObject, b: BerthObject) => a.name.localeCompare(b.name);

/** The label Docker puts on the container of a swarm task. */
const SWARM_TASK_LABEL = "com.docker.swarm.task.id";

/**
 * berth's containers on one host, found by label, never by name. A swarm
 * task's container carries its service's labels but is the swarm's to run,
 * restart and remove: it is shown and read through its service, on a manager.
 */
export async function berthContainers(docker: Docker, url: string, filter: ObjectFilter): Promise<BerthContainer[]> {
  const listed = await docker.listContainers({ all: true, filters: { label: labelFilter(filter) }, ...answerWithin() });
  const own = listed.filter((info) => info.Labels?.[SWARM_TASK_LABEL] === undefined);
  return (await trustedContainers(docker, own)).map((info) => containerObject(url, info)).filter(defined).sort(byName);
}

/**
 * berth's swarm services, when the host is a swarm manager; any other host
 * (no swarm, or a worker, which cannot list services) has none.
 */
export async function berthServices(docker: Docker, url: string, filter: ObjectFilter): Promise<BerthService[]> {
  // The types omit `info`'s options, which dockerode passes on (the abort signal).
  const info = await (docker.info as (options: object) => Promise<{ Swarm?: { ControlAvailable?: boolean } }>).call(docker, answerWithin());
  if (!info.Swarm?.ControlAvailable) return [];
  const services = await docker.listServices({ filters: { label: labelFilter(filter) }, ...answerWithin() });
  if (services.length === 0) return [];
  const [tasks, names] = await Promise.all([
    docker.listTasks({ filters: { service: services.map((s) => s.ID) }, ...answerWithin() }) as Promise<ListedTask[]>,
    nodeNames(docker, answerWithin()),
  ]);
  return services
    .map((service) => serviceObject(url, service, tasks.filter((t) => t.ServiceID === service.ID), names))
    .filter(defined)
    .sort(byName);
}

/** Services are listed by every manager of their swarm: each is kept once, as the first host named lists it. */
export function uniqueServices<T extends BerthObject>(objects: T[]): T[] {
  const seen = new Set<string>();
  return objects.filter((object) => object.type !== "service" || (!seen.has(object.id) && Boolean(seen.add(object.id))));
}

/** berth's containers, then its volumes, on one host. */
export async function hostInventory(target: HostTarget, filter: ObjectFilter): Promise<BerthObject[]> {
  const docker = target.client();
  const [containers, { Volumes: volumes }] = await Promise.all([
    berthContainers(docker, target.url, filter),
    docker.listVolumes({ filters: { label: labelFilter(filter) }, ...answerWithin() }),
  ]);
  // Whether a volume is in use depends on every container of the host, not only berth's.
  const users = volumes?.length ? volumeUsers(await docker.listContainers({ all: true, ...answerWithin() })) : new Map<string, string[]>();
  return [...containers, ...(volumes ?? []).map((info) => volumeObject(target.url, info, users.get(info.Name) ?? [])).filter(defined).sort(byName)];
}
