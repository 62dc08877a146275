import { COMMON_OPTIONS, OWNER_OPTIONS, parseCommandArgs } from "../command-args";
import { answered, answers, eachHost, reportHostFailures } from "../each-host";
import { groupByOwner } from "../grouping";
import { hostTargets, type HostTarget } from "../host-targets";
import type { BerthObject, BerthService } from "../berth-object";
import { berthServices, hostInventory, uniqueServices, type ObjectFilter } from "../inventory";
import { imageText, NONE, ownerText, portsText, statusCell, taskName, taskStatusCell } from "../object-columns";
import type { Style } from "../style";
import { style } from "../style";
import { renderTable, type Row } from "../table";
import type { Terminal } from "../terminal";
import { UsageError } from "../usage-error";

export const PS_USAGE = `Usage: berth ps [--host URL ...] [--project P] [--stack S] [-q|--quiet] [--format table|json] [--json]

Lists berth's containers and volumes on each host (default: DOCKER_HOST or
unix:///var/run/docker.sock), grouped by project, stack and resource, with
each container's image, status (uptime or exit code, and health) and ports.
On a swarm manager it also lists berth's swarm services, with their running
and desired tasks (\`2/3 running\`), and below each service its tasks, with
the node each runs on and its state.

  --host URL       a Docker host (unix://, tcp://, ssh://); repeat for several
  --project P      only objects of project P
  --stack S        only objects of stack S
  -q, --quiet      only the containers' full ids, one per line (no volumes,
                   no services)
  --format FORMAT  \`table\` (the default) or \`json\` (machine-readable)
  --json           the same as \`--format json\``;

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...OWNER_OPTIONS,
  quiet: { type: "boolean", short: "q" },
  format: { type: "string" },
  json: { type: "boolean" },
} as const;

const FORMATS = ["table", "json"];

function outputFormat(values: { format?: string; json?: boolean; quiet?: boolean }): "table" | "json" | "quiet" {
  if (values.format !== undefined && !FORMATS.includes(values.format)) {
    throw new UsageError(`\`--format\` must be \`table\` or \`json\`; got ${JSON.stringify(values.format)}`);
  }
  const json = values.json || values.format === "json";
  if (values.quiet && json) throw new UsageError("`--quiet` prints ids only; it cannot be combined with `--format json`");
  return values.quiet ? "quiet" : json ? "json" : "table";
}

/** Everything berth has on one host: containers, volumes and, on a swarm manager, services. */
async function hostObjects(target: HostTarget, filter: ObjectFilter): Promise<BerthObject[]> {
  const [objects, services] = await Promise.all([hostInventory(target, filter), berthServices(target.client(), target.url, filter)]);
  return [...objects, ...services];
}

/** A service's tasks, one row each under the service's row: the node in `HOST`, the task's own image and state. */
function taskRows(service: BerthService, resource: string, paint: Style): Row[] {
  return service.tasks.map((task): Row => [
    { text: ownerText(service), paint: paint.bold },
    resource,
    "swarm-task",
    task.node,
    taskName(service, task),
    task.image || NONE,
    taskStatusCell(task, paint),
    NONE,
    task.gpus.length > 0 ? task.gpus.join(",") : NONE,
    NONE,
  ]);
}

export async function ps(args: string[], terminal: Terminal): Promise<number> {
  const { values } = parseCommandArgs("ps", args, OPTIONS, false);
  if (values.help) {
    terminal.out(PS_USAGE);
    return 0;
  }
  const format = outputFormat(values);
  const targets = hostTargets(values.host, terminal.env);
  const results = await eachHost(targets, (target) => hostObjects(target, { project: values.project, stack: values.stack }));
  const failed = reportHostFailures(results, terminal);
  const objects = uniqueServices(answers(results));
  const groups = groupByOwner(objects);
  const paint = style(terminal.color);

  if (format === "quiet") {
    for (const object of objects) if (object.type === "container") terminal.out(object.id);
  } else if (format === "json") {
    const hosts = results.map((r) => ("error" in r ? { url: r.url, error: r.error } : { url: r.url }));
    terminal.out(JSON.stringify({ hosts, stacks: groups }, null, 2));
  } else if (groups.length === 0) {
    const reached = answered(results);
    if (reached.length > 0) terminal.out(`No berth containers or volumes on ${reached.join(", ")}.`);
  } else {
    const rows: Row[] = groups.flatMap((group) =>
      group.resources.flatMap(({ resource, objects }) =>
        objects.flatMap((object): Row[] => [
          [
            { text: ownerText(object), paint: paint.bold },
            resource,
            object.kind,
            object.host,
            object.name,
            object.type === "container" ? imageText(object) : object.type === "service" ? object.image : NONE,
            statusCell(object, paint),
            object.type === "volume" ? NONE : portsText(object.ports),
            object.type === "container" && object.gpus.length > 0 ? object.gpus.join(",") : NONE,
            (object.type === "container" && object.lifetime) || NONE,
          ],
          ...(object.type === "service" ? taskRows(object, resource, paint) : []),
        ]),
      ),
    );
    const header = ["PROJECT/STACK", "RESOURCE", "KIND", "HOST", "NAME", "IMAGE", "STATUS", "PORTS", "GPUS", "LIFETIME"].map((text) => ({ text, paint: paint.dim }));
    for (const line of renderTable(header, rows)) terminal.out(line);
  }
  return failed ? 1 : 0;
}
