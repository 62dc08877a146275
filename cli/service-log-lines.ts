import { LineSplitter } from "./line-splitter";
import type { LogFrame, LogStream } from "./log-frames";

export interface ServiceLogLine {
  stream: LogStream;
  /** The swarm's id of the node the task ran on. */
  nodeId: string;
  taskId: string;
  /** The line as Docker's timestamps option gives it: `2024-05-01T12:00:00.123456789Z text` with timestamps, else the text. */
  text: string;
}

const NODE_ID = "com.docker.swarm.node.id";
const TASK_ID = "com.docker.swarm.task.id";

/** `k=v,k=v` as the daemon writes a message's details, values query-escaped. */
function parseDetails(details: string): Map<string, string> {
  return new Map(
    details
      .split(",")
      .filter(Boolean)
      .map((pair) => {
        const [key, value = ""] = pair.split(/=(.*)/s);
        return [key, decodeURIComponent(value.replace(/\+/g, " "))];
      }),
  );
}

const stamped = (timestamp: string | undefined, line: string) => (timestamp === undefined ? line : `${timestamp} ${line}`);

/** The first space-separated word of `text` and the rest. */
function firstWord(text: string): [string, string] {
  const space = text.indexOf(" ");
  return space === -1 ? [text, ""] : [text.slice(0, space), text.slice(space + 1)];
}

/**
 * Reads a service's log, asked for with `details`: each frame is one message
 * of one task, `[timestamp ]details text`, where the details name the node
 * and the task. The tasks' messages interleave in the one stream, so each
 * task's stdout and stderr are cut into lines on their own. A message Docker
 * split because it was long continues the line; the line keeps the timestamp
 * of its first part.
 */
export class ServiceLogLines {
  private readonly pending = new Map<string, { splitter: LineSplitter; nodeId: string; taskId: string; stream: LogStream; timestamp?: string }>();

  constructor(private readonly timestamps: boolean) {}

  push(frame: LogFrame): ServiceLogLine[] {
    const payload = frame.payload.toString("utf8");
    const [timestamp, rest] = this.timestamps ? firstWord(payload) : [undefined, payload];
    const [details, text] = firstWord(rest);
    const attrs = parseDetails(details);
    const nodeId = attrs.get(NODE_ID) ?? "";
    const taskId = attrs.get(TASK_ID) ?? "";
    const key = `${taskId} ${frame.stream}`;
    const entry = this.pending.get(key) ?? { splitter: new LineSplitter(), nodeId, taskId, stream: frame.stream };
    this.pending.set(key, entry);
    if (entry.timestamp === undefined) entry.timestamp = timestamp;
    const lines = entry.splitter.push(Buffer.from(text, "utf8"));
    if (lines.length === 0) return [];
    const out = lines.map((line): ServiceLogLine => ({ stream: frame.stream, nodeId, taskId, text: stamped(entry.timestamp, line) }));
    entry.timestamp = undefined;
    return out;
  }

  /** The last unterminated line of each task and stream, when the log ends. */
  flush(): ServiceLogLine[] {
    const lines = [...this.pending.values()].flatMap((entry) =>
      entry.splitter.flush().map((line) => ({ stream: entry.stream, nodeId: entry.nodeId, taskId: entry.taskId, text: stamped(entry.timestamp, line) })),
    );
    this.pending.clear();
    return lines;
  }
}
