import type { BerthObject } from "./berth-object";
import type { StateView } from "./state/stack-state";

export interface GcEntry {
  object: BerthObject;
  action: "remove" | "keep";
  /** Why: a sentence for the person deciding whether to trust the removal. */
  reason: string;
}

const stackText = (object: BerthObject) => `\`${object.owner.project}/${object.owner.stack}\``;

export interface GcOptions {
  includePersistent: boolean;
  /** Remove objects of projects with no stack in the state read too: the user named them (`--project`, `--include-unknown`). */
  includeUnknown: boolean;
}

/** A project is known when the state read holds at least one of its stacks; only then can gc tell what it still uses. */
export function isKnownProject(project: string, view: StateView): boolean {
  return view.stacks.some((s) => s.project === project);
}

function isReferenced(object: BerthObject, view: StateView): boolean {
  return view.references.has(object.id) || view.references.has(object.name);
}

function orphanReason(object: BerthObject, view: StateView): string {
  const { project, stack, resource } = object.owner;
  if (view.pendingCreates.has(`${project}/${stack}/${resource}`)) return `its create in stack ${stackText(object)} was interrupted`;
  if (view.stacks.some((s) => s.project === project && s.stack === stack)) return `not in the state of stack ${stackText(object)}`;
  return `stack ${stackText(object)} is not in the state read`;
}

/**
 * What gc does with each berth object that no stack's state references
 * (referenced objects are not listed). Kept: everything of a project with no
 * stack in the state read (another backend's, unknown here) unless the user
 * named it, everything of a stack whose update holds its lock (it may be
 * creating this very object), persistent containers unless asked, and volumes
 * that a container gc leaves in place still mounts. Containers are decided
 * first so that a volume whose only users are removed goes too.
 */
export function planGc(objects: BerthObject[], view: StateView, options: GcOptions): GcEntry[] {
  const unreferenced = objects.filter((object) => !isReferenced(object, view));
  const decide = (object: BerthObject, removedContainers: ReadonlySet<string>): GcEntry => {
    const { project, stack } = object.owner;
    if (!isKnownProject(project, view) && !options.includeUnknown) {
      return { object, action: "keep", reason: `unknown: project \`${project}\` has no stack in the state read; pass \`--project ${project}\` to remove it` };
    }
    if (view.stacks.some((s) => s.project === project && s.stack === stack && s.locked)) {
      return { object, action: "keep", reason: `stack ${stackText(object)} is locked by an update; if none is running, run \`pulumi cancel\` on it first` };
    }
    if (object.type === "container" && object.lifetime === "persistent" && !options.includePersistent) {
      return { object, action: "keep", reason: "lifetime `persistent`; pass `--include-persistent` to remove it" };
    }
    if (object.type === "volume") {
      const users = object.usedBy.filter((name) => !removedContainers.has(`${object.host} ${name}`));
      if (users.length > 0) return { object, action: "keep", reason: `in use by container ${users.join(", ")}` };
    }
    return { object, action: "remove", reason: orphanReason(object, view) };
  };
  const containers = unreferenced.filter((o) => o.type === "container").map((o) => decide(o, new Set()));
  const removed = new Set(containers.filter((e) => e.action === "remove").map((e) => `${e.object.host} ${e.object.name}`));
  const volumes = unreferenced.filter((o) => o.type === "volume").map((o) => decide(o, removed));
  return [...containers, ...volumes];
}
