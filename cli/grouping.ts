import type { BerthObject } from "./berth-object";

export interface ResourceGroup {
  resource: string;
  objects: BerthObject[];
}

export interface StackGroup {
  project: string;
  stack: string;
  resources: ResourceGroup[];
}

/**
 * berth's objects by project, stack and resource, each level sorted by name;
 * the objects of one resource keep the order they came in (host by host).
 */
export function groupByOwner(objects: BerthObject[]): StackGroup[] {
  const stacks = new Map<string, StackGroup>();
  for (const object of objects) {
    const { project, stack, resource } = object.owner;
    const key = JSON.stringify([project, stack]);
    const group = stacks.get(key) ?? { project, stack, resources: [] };
    stacks.set(key, group);
    const resourceGroup = group.resources.find((r) => r.resource === resource);
    if (resourceGroup) resourceGroup.objects.push(object);
    else group.resources.push({ resource, objects: [object] });
  }
  const sorted = [...stacks.values()].sort((a, b) => a.project.localeCompare(b.project) || a.stack.localeCompare(b.stack));
  for (const group of sorted) group.resources.sort((a, b) => a.resource.localeCompare(b.resource));
  return sorted;
}
