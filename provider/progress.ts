import * as path from "path";
import { escapeControl } from "./docker/log-tail";
import { log } from "./log";

type Severity = "info" | "warning";

/** How often a long step with output (a setup script, a job) says how it is going. */
export const HEARTBEAT_MS = 2000;
const PROGRESS_LINE_CHARS = 120;

type EngineLog = (message: string, severity: Severity, ephemeral: boolean) => void;

let engineLog: EngineLog | null | undefined;

/**
 * Inside the dynamic-provider process the engine's address is the first
 * argument; its Log endpoint shows messages in `pulumi up`'s output
 * (ephemeral ones only in the live view while a step runs). Anywhere else
 * (tests, scripts) messages go to the debug log only.
 */
function connectToEngine(): EngineLog | null {
  if (engineLog !== undefined) return engineLog;
  engineLog = null;
  const address = process.argv[2];
  const inProvider = /dynamic-provider/.test(process.argv[1] ?? "");
  if (!inProvider || !address || !/^[\w.-]+:\d+$/.test(address)) return engineLog;
  try {
    // @grpc/grpc-js is @pulumi/pulumi's own dependency: resolve it from there.
    const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
    const engineRpc = require("@pulumi/pulumi/proto/engine_grpc_pb.js");
    const engineProto = require("@pulumi/pulumi/proto/engine_pb.js");
    const client = new engineRpc.EngineClient(address, grpc.credentials.createInsecure());
    engineLog = (message, severity, ephemeral) => {
      const request = new engineProto.LogRequest();
      request.setSeverity(severity === "warning" ? engineProto.LogSeverity.WARNING : engineProto.LogSeverity.INFO);
      request.setMessage(message);
      request.setEphemeral(ephemeral);
      client.log(request, () => undefined);
    };
  } catch (err) {
    log.provider("messages go to the debug log only: %s", (err as Error).message);
  }
  return engineLog;
}

function say(subject: string, message: string, severity: Severity, ephemeral: boolean): void {
  const line = `${subject}: ${message}`;
  log.provider(line);
  connectToEngine()?.(line, severity, ephemeral);
}

/** Tells the user what a long step is waiting for, while it waits; prefixed by the resource. */
export function progress(subject: string): (message: string) => void {
  return (message) => say(subject, message, "info", true);
}

/** A message that stays in `pulumi up`'s output, e.g. what destroy kept. */
export function notice(subject: string, message: string): void {
  say(subject, message, "info", false);
}

export function warning(subject: string, message: string): void {
  say(subject, message, "warning", false);
}

/**
 * The last complete line of a command's output so far, redacted, its control
 * characters escaped, and then shortened to fit a progress message. A line
 * still being written is left out: it may hold the first half of a secret,
 * which no redaction can match.
 */
export function lastOutputLine(output: string, redact: (text: string) => string): string {
  const complete = output.slice(0, output.lastIndexOf("\n") + 1);
  const line = escapeControl(redact(complete).trimEnd().split("\n").pop()?.trim() ?? "");
  return line.length > PROGRESS_LINE_CHARS ? `${line.slice(0, PROGRESS_LINE_CHARS)}…` : line;
}

/** How a long step with output is going, e.g. "running the setup script: 12 s of up to 600 s, last output: unpacking". */
export function runningFor(what: string, elapsedMs: number, timeoutSeconds: number, lastLine: { label: string; text: string }): string {
  const said = lastLine.text ? `, ${lastLine.label}: ${lastLine.text}` : "";
  return `${what}: ${Math.round(elapsedMs / 1000)} s of up to ${timeoutSeconds} s${said}`;
}

/** How a stop is going, e.g. "stopping, 7 s of up to 30 s grace". */
export function stoppingFor(elapsedMs: number, graceSeconds: number): string {
  return `stopping, ${Math.round(elapsedMs / 1000)} s of up to ${graceSeconds} s grace`;
}
