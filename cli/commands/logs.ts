import { setTimeout } from "timers/promises";
import type Docker from "dockerode";
import { containerStatus, countsAsRunning } from "../../provider/docker/container-status";
import { isNotFound } from "../../provider/docker/errors";
import { currentRunLogSince } from "../../provider/readiness/docker-time";
import { COMMON_OPTIONS, OWNER_OPTIONS, parseCommandArgs } from "../command-args";
import { answered, answers, answerWithin, eachHost, failureMessage, reportHostFailures } from "../each-host";
import { hostTargets } from "../host-targets";
import type { BerthService } from "../berth-object";
import type { HostTarget } from "../host-targets";
import { berthContainers, berthServices, uniqueServices } from "../inventory";
import { LineSplitter } from "../line-splitter";
import { LogFrameDecoder, type LogFrame } from "../log-frames";
import { logSources, selectLogged, type Logged, type LogSource } from "../log-sources";
import { ServiceLogLines } from "../service-log-lines";
import { nodeNames } from "../../provider/swarm/service-gate";
import { sinceSeconds } from "../log-since";
import { SOURCE_COLORS, style } from "../style";
import type { Terminal } from "../terminal";
import { UsageError } from "../usage-error";

export const LOGS_USAGE = `Usage: berth logs [<resource> ...] [--host URL ...] [--project P] [--stack S] [-f|--follow] [-n|--tail N] [--since T] [-t|--timestamps]

Shows the logs of the containers of the named resources (or of a component's
children, e.g. \`trainer\` for \`trainer-container\`), or of every berth container
of the project/stack when no resource is named, on every host, found by
berth's labels; on a swarm manager, of berth's swarm services too, from all
their tasks. Each line starts with its service, as \`docker compose logs\`
prints it: the resource, with its host when it runs on several, its sidecar or
a number when needed (\`api-1  | ...\`); a swarm service's lines with the node
of their task (\`web@node-2 | ...\`). The containers' stderr goes to stderr.

  --host URL         a Docker host (unix://, tcp://, ssh://); repeat for several
  --project P        only containers of project P
  --stack S          only containers of stack S
  -f, --follow       keep following new lines until the containers stop for good
                     (a restart by the restart policy is followed) and the
                     services are removed
  -n, --tail N       only the last N lines of each container or task (\`all\`: every line)
  --since T          only lines since T: a duration before now (10m, 1h30m), an
                     RFC 3339 time (2024-05-01T12:00:00Z) or a Unix timestamp
  -t, --timestamps   start each line with Docker's timestamp`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...OWNER_OPTIONS,
  follow: { type: "boolean", short: "f" },
  tail: { type: "string", short: "n" },
  since: { type: "string" },
  timestamps: { type: "boolean", short: "t" },
} as const;

/** `--tail N`, or `all` as Docker takes it. */
function tailLines(value: string | undefined): number | undefined {
  if (value === undefined || value === "all") return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`\`--tail\` must be a number of lines (e.g. \`--tail 100\`) or \`all\`; got ${JSON.stringify(value)}`);
  return Number(value);
}

function filterText(filter: { project?: string; stack?: string }): string {
  const parts = [filter.project && `project \`${filter.project}\``, filter.stack && `stack \`${filter.stack}\``].filter(Boolean);
  return parts.length > 0 ? ` in ${parts.join(", ")}` : "";
}

/** Writes one container's log as prefixed lines, stdout to stdout and stderr to stderr, never a line cut in two. */
function lineWriter(terminal: Terminal, prefix: string) {
  const splitters = { stdout: new LineSplitter(), stderr: new LineSplitter() };
  const write = (stream: LogFrame["stream"], lines: string[]) => {
    for (const line of lines) (stream === "stderr" ? terminal.err : terminal.out)(`${prefix} | ${line}`);
  };
  return {
    frame: (frame: LogFrame) => write(frame.stream, splitters[frame.stream].push(frame.payload)),
    end: () => {
      write("stdout", splitters.stdout.flush());
      write("stderr", splitters.stderr.flush());
    },
  };
}

/** How often a followed container that its restart policy is bringing back is looked at again. */
const RESTART_POLL_MS = 250;

interface LogRead {
  follow: boolean;
  tail?: number;
  /** Seconds since the epoch. */
  since?: number;
  timestamps: boolean;
}

async function showLog(docker: Docker, id: string, writer: ReturnType<typeof lineWriter>, read: LogRead): Promise<void> {
  const container = docker.getContainer(id);
  // A container with a TTY writes one raw stream; all others are multiplexed.
  const { Config } = await container.inspect(answerWithin());
  const decoder = new LogFrameDecoder();
  const frames = (chunk: Buffer): LogFrame[] => (Config.Tty ? [{ stream: "stdout", payload: chunk }] : decoder.push(chunk));
  const streams = { stdout: true, stderr: true, timestamps: read.timestamps };
  const options = { ...streams, ...(read.tail === undefined ? {} : { tail: read.tail }), ...(read.since === undefined ? {} : { since: read.since }) };
  if (!read.follow) {
    frames(await container.logs({ ...options, follow: false })).forEach(writer.frame);
    return writer.end();
  }
  // Docker ends a followed log when the container stops; one that its restart
  // policy brings back is followed on, from where its last run ended.
  for (let since: string | undefined; ; await setTimeout(RESTART_POLL_MS)) {
    const run = since ? { ...streams, since } : options;
    for await (const chunk of await container.logs({ ...run, follow: true })) frames(chunk as Buffer).forEach(writer.frame);
    const now = await container.inspect(answerWithin()).catch((err) => (isNotFound(err) ? undefined : Promise.reject(err)));
    if (!now || !countsAsRunning(containerStatus(now).state)) return writer.end();
    since = currentRunLogSince(now.State.FinishedAt);
  }
}

/** How often a followed service is looked at: Docker goes on following the log of a service that was removed. */
const SERVICE_POLL_MS = 1000;

/** A service's log through its manager, from all its tasks, each line prefixed by the node of its task. */
async function showServiceLog(docker: Docker, service: BerthService, terminal: Terminal, prefixOn: (node: string) => string, read: LogRead): Promise<void> {
  const names = await nodeNames(docker, answerWithin());
  const lines = new ServiceLogLines(read.timestamps);
  const decoder = new LogFrameDecoder();
  const write = (line: { stream: LogFrame["stream"]; nodeId: string; text: string }) =>
    (line.stream === "stderr" ? terminal.err : terminal.out)(`${prefixOn(names.get(line.nodeId) ?? line.nodeId.slice(0, 12))} | ${line.text}`);
  const options = {
    stdout: true,
    stderr: true,
    details: true,
    timestamps: read.timestamps,
    ...(read.tail === undefined ? {} : { tail: read.tail }),
    ...(read.since === undefined ? {} : { since: read.since }),
  };
  const logOf = docker.getService(service.id);
  if (!read.follow) {
    decoder.push((await logOf.logs({ ...options, follow: false })) as unknown as Buffer).flatMap((frame) => lines.push(frame)).forEach(write);
    return lines.flush().forEach(write);
  }
  const removed = new AbortController();
  const stream = (await logOf.logs({ ...options, follow: true, abortSignal: removed.signal } as never)) as unknown as AsyncIterable<Buffer>;
  const watch = (async () => {
    while (!removed.signal.aborted) {
      await setTimeout(SERVICE_POLL_MS, undefined, { signal: removed.signal });
      // A manager that does not answer this once is asked again; only its word that the service is gone ends the log.
      if (await logOf.inspect(answerWithin()).then(() => false, isNotFound)) removed.abort();
    }
  })();
  try {
    for await (const chunk of stream) decoder.push(chunk).flatMap((frame) => lines.push(frame)).forEach(write);
  } catch (err) {
    if (!removed.signal.aborted) throw err;
  } finally {
    removed.abort();
    // Ends at once: its sleep is cut short by the abort.
    await watch.catch(() => undefined);
  }
  lines.flush().forEach(write);
}

/** berth's containers on a host and, on a swarm manager, its services. */
async function hostLogged(target: HostTarget, filter: { project?: string; stack?: string }): Promise<Logged[]> {
  const docker = target.client();
  const [containers, services] = await Promise.all([berthContainers(docker, target.url, filter), berthServices(docker, target.url, filter)]);
  return [...containers, ...services];
}

export async function logs(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals: names } = parseCommandArgs("logs", args, OPTIONS);
  if (values.help) {
    terminal.out(LOGS_USAGE);
    return 0;
  }
  const read: LogRead = {
    follow: Boolean(values.follow),
    tail: tailLines(values.tail),
    since: values.since === undefined ? undefined : sinceSeconds(values.since, Date.now()),
    timestamps: Boolean(values.timestamps),
  };
  const targets = hostTargets(values.host, terminal.env);
  const paint = style(terminal.color);

  const results = await eachHost(targets, (target) => hostLogged(target, { project: values.project, stack: values.stack }));
  let failed = reportHostFailures(results, terminal);
  const searched = answered(results);
  if (searched.length === 0) return 1;
  const sources = logSources(selectLogged(names, uniqueServices(answers(results)), `${filterText(values)} on ${searched.join(", ")}`));

  const show = async (source: LogSource, i: number) => {
    const color = paint[SOURCE_COLORS[i % SOURCE_COLORS.length]];
    const object = "container" in source ? source.container : source.service;
    const target = targets.find((t) => t.url === object.host)!;
    try {
      if ("container" in source) await showLog(target.client(), object.id, lineWriter(terminal, color(source.prefix)), read);
      else await showServiceLog(target.client(), source.service, terminal, (node) => color(source.prefixOn(node)), read);
    } catch (err) {
      failed = true;
      terminal.err(paint.red(`berth: host ${target.url}: logs of ${object.type === "container" ? "container" : "swarm service"} ${object.name}: ${failureMessage(err)}`));
    }
  };
  // Followed logs interleave as they come; a snapshot shows one container after the other.
  if (read.follow) await Promise.all(sources.map(show));
  else for (const [i, source] of sources.entries()) await show(source, i);
  return failed ? 1 : 0;
}
