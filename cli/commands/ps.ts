import { COMMON_OPTIONS, OWNER_OPTIONS, parseCommandArgs } from "../command-args";
import { answered, answers, eachHost, reportHostFailures } from "../each-host";
import { groupByOwner } from "../grouping";
import { hostTargets } from "../host-targets";
import { hostInventory } from "../inventory";
import { NONE, ownerText, portsText, shortImageId, stateCell } from "../object-columns";
import { style } from "../style";
import { renderTable, type Row } from "../table";
import type { Terminal } from "../terminal";
import { UsageError } from "../usage-error";

export const PS_USAGE = `Usage: berth ps [--host URL ...] [--project P] [--stack S] [--json]

Lists berth's containers and volumes on each host (default: DOCKER_HOST or
unix:///var/run/docker.sock), grouped by project, stack and resource.

  --host URL     a Docker host (unix://, tcp://, ssh://); repeat for several
  --project P    only objects of project P
  --stack S      only objects of stack S
  --json         machine-readable output`;

const OPTIONS = { ...COMMON_OPTIONS, ...OWNER_OPTIONS, json: { type: "boolean" } } as const;

export async function ps(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals } = parseCommandArgs("ps", args, OPTIONS);
  if (values.help) {
    terminal.out(PS_USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`\`berth ps\` takes no arguments, got ${JSON.stringify(positionals.join(" "))}`);
  const targets = hostTargets(values.host, terminal.env);
  const results = await eachHost(targets, (target) => hostInventory(target, { project: values.project, stack: values.stack }));
  const failed = reportHostFailures(results, terminal);
  const groups = groupByOwner(answers(results));
  const paint = style(terminal.color);

  if (values.json) {
    const hosts = results.map((r) => ("error" in r ? { url: r.url, error: r.error } : { url: r.url }));
    terminal.out(JSON.stringify({ hosts, stacks: groups }, null, 2));
  } else if (groups.length === 0) {
    const reached = answered(results);
    if (reached.length > 0) terminal.out(`No berth containers or volumes on ${reached.join(", ")}.`);
  } else {
    const rows: Row[] = groups.flatMap((group) =>
      group.resources.flatMap(({ resource, objects }) =>
        objects.map((object): Row => [
          { text: ownerText(object), paint: paint.bold },
          resource,
          object.kind,
          object.host,
          object.name,
          stateCell(object, paint),
          object.type === "container" ? shortImageId(object.imageId) : NONE,
          object.type === "container" ? portsText(object.ports) : NONE,
          object.type === "container" && object.gpus.length > 0 ? object.gpus.join(",") : NONE,
          (object.type === "container" && object.lifetime) || NONE,
        ]),
      ),
    );
    const header = ["PROJECT/STACK", "RESOURCE", "KIND", "HOST", "NAME", "STATE", "IMAGE", "PORTS", "GPUS", "LIFETIME"].map((text) => ({ text, paint: paint.dim }));
    for (const line of renderTable(header, rows)) terminal.out(line);
  }
  return failed ? 1 : 0;
}
