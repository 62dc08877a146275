import type Docker from "dockerode";
import { trustedContainers } from "../provider/docker/label-trust";
import { LABELS, MANAGED_BY } from "../provider/docker/labels";
import { containerObject, volumeObject, volumeUsers, type BerthContainer, type BerthObject } from "./berth-object";
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

/** berth's containers on one host, found by label, never by name. */
export async function berthContainers(docker: Docker, url: string, filter: ObjectFilter): Promise<BerthContainer[]> {
  const listed = await docker.listContainers({ all: true, filters: { label: labelFilter(filter) }, ...answerWithin() });
  return (await trustedContainers(docker, listed)).map((info) => containerObject(url, info)).filter(defined).sort(byName);
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
