/** Labels berth puts on everything it creates; finding berth's objects always goes through them. */
export const LABELS = {
  managedBy: "dev.berth.managed-by",
  kind: "dev.berth.kind",
  project: "dev.berth.project",
  stack: "dev.berth.stack",
  resource: "dev.berth.resource",
  specHash: "dev.berth.spec-hash",
  lifetime: "dev.berth.lifetime",
  ports: "dev.berth.ports",
  gpus: "dev.berth.gpus",
  /** On a sidecar: the name of the main container whose network it shares. */
  sidecarOf: "dev.berth.sidecar-of",
  /** On a container: the name berth created it with, which an image or a copy made by `docker commit` cannot match. */
  containerName: "dev.berth.container-name",
} as const;

export const MANAGED_BY = "berth";

export type ObjectKind = "volume" | "network" | "deployment" | "job" | "persistent-container" | "swarm-service";

/** Who a berth object belongs to: the stack and the resource that declared it. */
export interface Owner {
  project: string;
  stack: string;
  resource: string;
}

export interface LabelFacts {
  kind: ObjectKind;
  owner: Owner;
  specHash: string;
  /** A container's name. */
  containerName?: string;
  sidecarOf?: string;
  lifetime?: string;
  ports?: number[];
  gpus?: string[];
}

/**
 * berth's labels win over the user's and the image's: ownership must not be
 * forgeable by a stack's own labels, nor by an image's (Docker copies an
 * image's labels onto its containers). Every label of the image under berth's
 * prefix that berth does not write itself is cleared (set empty).
 */
export function createLabels(facts: LabelFacts, userLabels: Record<string, string> = {}, imageLabels: Record<string, string> = {}): Record<string, string> {
  const cleared = Object.keys(imageLabels).filter((key) => key.startsWith(RESERVED_LABEL_PREFIX));
  const labels: Record<string, string> = {
    ...Object.fromEntries(cleared.map((key) => [key, ""])),
    ...userLabels,
    [LABELS.managedBy]: MANAGED_BY,
    [LABELS.kind]: facts.kind,
    [LABELS.project]: facts.owner.project,
    [LABELS.stack]: facts.owner.stack,
    [LABELS.resource]: facts.owner.resource,
    [LABELS.specHash]: facts.specHash,
  };
  if (facts.lifetime) labels[LABELS.lifetime] = facts.lifetime;
  if (facts.ports?.length) labels[LABELS.ports] = facts.ports.join(",");
  if (facts.gpus?.length) labels[LABELS.gpus] = facts.gpus.join(",");
  if (facts.containerName) labels[LABELS.containerName] = facts.containerName;
  if (facts.sidecarOf) labels[LABELS.sidecarOf] = facts.sidecarOf;
  return labels;
}

export function isManagedByBerth(labels: Record<string, string> | null | undefined): boolean {
  return labels?.[LABELS.managedBy] === MANAGED_BY;
}

export function isOwnedBy(labels: Record<string, string> | null | undefined, owner: Owner): boolean {
  return (
    isManagedByBerth(labels) &&
    labels?.[LABELS.project] === owner.project &&
    labels?.[LABELS.stack] === owner.stack &&
    labels?.[LABELS.resource] === owner.resource
  );
}

export function describeOwner(labels: Record<string, string>): string {
  return `${labels[LABELS.project]}/${labels[LABELS.stack]}/${labels[LABELS.resource]}`;
}

/** Who holds an object name, in words: the berth resource whose labels it carries, or a stranger. */
export function describeHolder(labels: Record<string, string> | null | undefined): string {
  return isManagedByBerth(labels) ? `berth resource ${describeOwner(labels!)}` : "an object berth did not create";
}

/** A label key starting with berth's prefix is reserved. */
export const RESERVED_LABEL_PREFIX = "dev.berth.";
