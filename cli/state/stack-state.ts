/** One stack's state as a backend holds it. */
export interface StackState {
  project: string;
  stack: string;
  /** An update holds the stack's lock: one is running now, or one was killed and nobody ran `pulumi cancel`. */
  locked: boolean;
  /** The deployment: `deployment` of `pulumi stack export`, `checkpoint.latest` of a state file. */
  deployment: unknown;
}

/** Stack states and where they were read from, for the person reading gc's report. */
export interface StateSnapshot {
  source: string;
  stacks: StackState[];
}

/** What gc needs to know from all stacks' state together. */
export interface StateView {
  stacks: Array<Pick<StackState, "project" | "stack" | "locked">>;
  /** Every string in any resource's outputs, and every resource id: a container id or volume name among them is referenced. */
  references: Set<string>;
  /** `project/stack/resource` of every create that was under way when the state was last written. */
  pendingCreates: Set<string>;
}

interface ResourceState {
  urn?: string;
  id?: string;
  outputs?: unknown;
}

interface DeploymentState {
  resources?: ResourceState[] | null;
  pending_operations?: Array<{ type?: string; resource?: ResourceState }> | null;
}

/** The keys under which berth's resources output what they created. */
const REFERENCE_KEYS = ["containerId", "containerName", "volumeName"] as const;

// Pulumi's marker for a secret value in exported state; its plaintext is not in the export.
const SECRET_SIGNATURE = ["4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270"] as const;

const isSecret = (value: unknown) =>
  typeof value === "object" && value !== null && (value as Record<string, unknown>)[SECRET_SIGNATURE[0]] === SECRET_SIGNATURE[1];

/** A resource's name: the last part of its URN (`urn:pulumi:stack::project::type::name`). */
const urnName = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

function collectStrings(value: unknown, into: Set<string>, where: string, key?: string): void {
  if (typeof value === "string") into.add(value);
  else if (isSecret(value)) {
    if ((REFERENCE_KEYS as readonly string[]).includes(key ?? "")) {
      throw new Error(`\`${key}\` of ${where} is a secret, so berth cannot tell which object it references`);
    }
  } else if (Array.isArray(value)) value.forEach((item) => collectStrings(item, into, where, key));
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) collectStrings(v, into, where, k);
  }
}

/**
 * Reads what gc decides by from every stack's state. Fails when the state
 * cannot be trusted to name everything it references: no stacks at all (a
 * wrong backend would make every object look orphaned), a deployment that is
 * not Pulumi's shape, or a reference hidden in a secret.
 */
export function stateView(snapshot: StateSnapshot): StateView {
  if (snapshot.stacks.length === 0) {
    throw new Error(`${snapshot.source} holds no stacks; refusing to treat every berth object as an orphan (is this the right backend?)`);
  }
  const view: StateView = { stacks: [], references: new Set(), pendingCreates: new Set() };
  for (const { project, stack, locked, deployment } of snapshot.stacks) {
    view.stacks.push({ project, stack, locked });
    if (deployment === undefined || deployment === null) continue;
    const { resources, pending_operations: pending } = deployment as DeploymentState;
    const isList = (value: unknown) => value == null || Array.isArray(value);
    if (typeof deployment !== "object" || !isList(resources) || !isList(pending)) {
      throw new Error(`stack \`${project}/${stack}\`: its state is not a Pulumi deployment (\`resources\` and \`pending_operations\` must be lists)`);
    }
    for (const resource of [...(resources ?? []), ...(pending ?? []).flatMap((op) => (op.resource ? [op.resource] : []))]) {
      const where = `${resource.urn} in stack \`${project}/${stack}\``;
      if (resource.id) view.references.add(resource.id);
      collectStrings(resource.outputs, view.references, where);
    }
    for (const op of pending ?? []) {
      if (op.type === "creating" && op.resource?.urn) view.pendingCreates.add(`${project}/${stack}/${urnName(op.resource.urn)}`);
    }
  }
  return view;
}
