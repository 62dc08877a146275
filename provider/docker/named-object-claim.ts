import { log } from "../log";
import { describeOwner, isManagedByBerth, isOwnedBy, LABELS, type Owner } from "./labels";

/** A Volume's or Network's resource: the Docker object it names, and how a failure is reported. */
export interface NamedObjectResource {
  /** `volume` or `network`, as messages name the object. */
  what: string;
  owner: Owner;
  adopt?: boolean;
  fail: (cause: string, advice?: string) => Error;
}

/**
 * What create does with an object that already has the name it would create:
 * `resume` its own object left by an interrupted create (same owner and spec),
 * `adopt` one berth did not create when the user asked to, or refuse.
 */
export function claimExisting(resource: NamedObjectResource, name: string, labels: Record<string, string>, specHash: string): "resume" | "adopt" {
  const { what, owner, adopt, fail } = resource;
  if (isOwnedBy(labels, owner) && labels[LABELS.specHash] === specHash) {
    log.provider("%s %s: adopting its own %s left by an earlier, interrupted create", what, name, what);
    return "resume";
  }
  if (isManagedByBerth(labels)) {
    throw fail(`${what} "${name}" already exists and belongs to ${describeOwner(labels)}`, "Choose another `name`, or remove that resource first");
  }
  if (!adopt) {
    throw fail(`${what} "${name}" already exists and was not created by berth`, "Set `adopt: true` to manage it (berth will then keep it on destroy), or choose another `name`");
  }
  log.provider("%s %s: adopted at the user's request", what, name);
  return "adopt";
}

/** Whether an object found on the host is still the resource's: one it adopted, or one carrying its owner's labels. */
export function stillOwned(labels: Record<string, string> | undefined, owner: Owner, adopted: boolean | undefined): boolean {
  return Boolean(adopted) || isOwnedBy(labels ?? {}, owner);
}

/**
 * The object delete may remove, if any: never one berth adopted (it was the
 * user's before), nor one that is gone, nor one that no longer carries the
 * resource's labels (someone else holds the name now).
 */
export async function removableOnDelete<T extends { Labels?: Record<string, string> | null }>(
  what: string,
  name: string,
  { adopted, owner }: { adopted?: boolean; owner: Owner },
  inspect: () => Promise<T | undefined>,
): Promise<T | undefined> {
  if (adopted) {
    log.provider("%s %s was adopted, not created, by berth: keeping it", what, name);
    return undefined;
  }
  const info = await inspect();
  if (info && !isOwnedBy(info.Labels ?? {}, owner)) {
    log.provider("%s %s no longer carries this resource's labels: leaving it alone", what, name);
    return undefined;
  }
  return info;
}
