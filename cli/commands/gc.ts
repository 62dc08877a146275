import type Docker from "dockerode";
import { inspectContainer, removeContainer, stopTimeoutOf } from "../../provider/docker/containers";
import { isNotFound } from "../../provider/docker/errors";
import type { BerthObject } from "../berth-object";
import { COMMON_OPTIONS, OWNER_OPTIONS, parseCommandArgs } from "../command-args";
import { answers, eachHost, failureMessage, reportHostFailures } from "../each-host";
import { isKnownProject, planGc, type GcEntry } from "../gc-plan";
import { hostTargets } from "../host-targets";
import { hostInventory } from "../inventory";
import { ownerText } from "../object-columns";
import { readFileBackends } from "../state/file-backend-state";
import { readPulumiState } from "../state/pulumi-cli-state";
import { stateView, type StateSnapshot, type StateView } from "../state/stack-state";
import { style } from "../style";
import { renderTable, type Row } from "../table";
import type { Terminal } from "../terminal";

export const GC_USAGE = `Usage: berth gc [--dry-run] [--include-persistent] [--include-unknown] [--host URL ...] [--project P] [--stack S] [--state-dir DIR ...]

Finds berth's containers and volumes that no stack's state references (left
behind by an interrupted \`pulumi up\` or a removed stack) and removes them:
containers with their anonymous volumes, then volumes. State comes from the
Pulumi CLI's current backend (PULUMI_BACKEND_URL or \`pulumi login\`), or from
file backends with --state-dir. When the state cannot be read, nothing is removed.
Objects of projects with no stack in that state are unknown (another backend's):
they are listed and kept unless named with --project or --include-unknown.

  --dry-run              show what would be removed, remove nothing
  --include-persistent   also remove containers with lifetime \`persistent\`
  --include-unknown      also remove objects of projects with no stack in the state read
  --host URL             a Docker host (unix://, tcp://, ssh://); repeat for several
  --project P            only objects of project P
  --stack S              only objects of stack S
  --state-dir DIR        read the state files of the file backend in DIR (as in
                         file://DIR) instead of asking the Pulumi CLI; repeat for several`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...OWNER_OPTIONS,
  "dry-run": { type: "boolean" },
  "include-persistent": { type: "boolean" },
  "include-unknown": { type: "boolean" },
  "state-dir": { type: "string", multiple: true },
} as const;

async function readState(stateDirs: string[] | undefined, env: NodeJS.ProcessEnv): Promise<{ snapshot: StateSnapshot; view: StateView }> {
  const snapshot = stateDirs?.length ? await readFileBackends(stateDirs) : await readPulumiState(env);
  return { snapshot, view: stateView(snapshot) };
}

/** A container goes after a graceful stop within its own grace period (its `StopTimeout`), as `docker stop` would. */
async function remove(docker: Docker, object: BerthObject): Promise<void> {
  if (object.type === "container") {
    const info = await inspectContainer(docker, object.id);
    return info && removeContainer(docker, info.Id, stopTimeoutOf(info));
  }
  try {
    await docker.getVolume(object.id).remove();
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

export async function gc(args: string[], terminal: Terminal): Promise<number> {
  const { values } = parseCommandArgs("gc", args, OPTIONS, false);
  if (values.help) {
    terminal.out(GC_USAGE);
    return 0;
  }
  const dryRun = Boolean(values["dry-run"]);
  const targets = hostTargets(values.host, terminal.env);
  const paint = style(terminal.color);

  const [state, results] = await Promise.all([
    readState(values["state-dir"], terminal.env).catch((err: Error) => err),
    eachHost(targets, (target) => hostInventory(target, { project: values.project, stack: values.stack })),
  ]);
  let failed = reportHostFailures(results, terminal);
  if (state instanceof Error) {
    terminal.err(paint.red(`berth gc: cannot read stack state, so nothing was removed: ${state.message}`));
    return 1;
  }
  const objects = answers(results);
  const entries = planGc(objects, state.view, {
    includePersistent: Boolean(values["include-persistent"]),
    includeUnknown: Boolean(values["include-unknown"]) || values.project !== undefined,
  });
  terminal.out(`Read ${state.view.stacks.length} stack${state.view.stacks.length === 1 ? "" : "s"} from ${state.snapshot.source}.`);
  if (entries.length === 0) {
    terminal.out(`No orphans: stack state references all ${objects.length} berth objects found.`);
    return failed ? 1 : 0;
  }

  const toRemove = entries.filter((e) => e.action === "remove");
  const actionCell = (entry: GcEntry) =>
    entry.action === "keep" ? { text: "keep", paint: paint.green } : dryRun ? { text: "would remove", paint: paint.yellow } : { text: "remove", paint: paint.red };
  const header = ["ACTION", "HOST", "TYPE", "NAME", "PROJECT/STACK", "RESOURCE", "KIND", "REASON"].map((text) => ({ text, paint: paint.dim }));
  const rows = entries.map((e): Row => [actionCell(e), e.object.host, e.object.type, e.object.name, ownerText(e.object), e.object.owner.resource, e.object.kind, e.reason]);
  for (const line of renderTable(header, rows)) terminal.out(line);

  const kept = entries.length - toRemove.length;
  const unknown = [...new Set(entries.filter((e) => e.action === "keep" && !isKnownProject(e.object.owner.project, state.view)).map((e) => e.object.owner.project))];
  if (unknown.length > 0) {
    terminal.out(`Unknown projects, kept: ${unknown.map((p) => `\`${p}\``).join(", ")} (no stack in ${state.snapshot.source}; name one with --project to remove its objects).`);
  }
  if (dryRun) {
    terminal.out(`Dry run: ${toRemove.length} would be removed, ${kept} kept.`);
    return failed ? 1 : 0;
  }
  let removed = 0;
  const removeOne = async ({ object }: GcEntry) => {
    try {
      await remove(targets.find((t) => t.url === object.host)!.client(), object);
      removed++;
      return () => terminal.out(`removed ${object.type} ${object.name} on ${object.host}`);
    } catch (err) {
      failed = true;
      return () => terminal.err(paint.red(`berth gc: host ${object.host}: cannot remove ${object.type} ${object.name}: ${failureMessage(err)}`));
    }
  };
  // Containers stop side by side, each within its own grace period; volumes go once no orphan container uses them.
  // Each phase reports in the table's order.
  const containers = toRemove.filter((e) => e.object.type === "container");
  if (containers.length > 0) terminal.out(`Stopping ${containers.length} container${containers.length === 1 ? "" : "s"}, each within its grace period ...`);
  for (const report of await Promise.all(containers.map(removeOne))) report();
  for (const report of await Promise.all(toRemove.filter((e) => e.object.type !== "container").map(removeOne))) report();
  terminal.out(`Removed ${removed} of ${toRemove.length}, kept ${kept}.`);
  return failed ? 1 : 0;
}
