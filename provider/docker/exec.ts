import type Docker from "dockerode";
import { retryUntil, WaitTimeoutError } from "../readiness/retry-until";
import { demultiplex } from "./container-logs";

export interface ExecResult {
  exitCode: number;
  output: string;
}

export interface ExecOptions {
  /** Called every `everyMs` while the command runs, with the time so far and its output so far. */
  heartbeat?: { everyMs: number; beat: (elapsedMs: number, outputSoFar: string) => void };
}

/**
 * Runs an argv array in a running container — never through a shell berth
 * did not write — and returns its exit code and combined output. Bounded by
 * a timeout; a run past it is reported as an error stating the milliseconds.
 */
export async function execInContainer(docker: Docker, containerId: string, argv: string[], timeoutMs: number, options: ExecOptions = {}): Promise<ExecResult> {
  const { heartbeat } = options;
  const exec = await docker.getContainer(containerId).exec({ Cmd: argv, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({ hijack: true, stdin: false });
  const chunks: Buffer[] = [];
  let timer: NodeJS.Timeout | undefined;
  const startedAt = Date.now();
  const beating = heartbeat && setInterval(() => heartbeat.beat(Date.now() - startedAt, demultiplex(Buffer.concat(chunks))), heartbeat.everyMs);
  try {
    await Promise.race([
      new Promise<void>((resolve, reject) => {
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", resolve);
        stream.on("close", resolve);
        stream.on("error", reject);
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`\`${argv.join(" ")}\` did not finish within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    clearInterval(beating);
    stream.destroy();
  }
  // The stream can close a moment before Docker records the exit code.
  const info = await retryUntil(() => exec.inspect(), (state) => !state.Running, { deadlineMs: 1000, periodMs: 20, what: "the exec's exit code" }).catch(
    (err: unknown) => {
      if (err instanceof WaitTimeoutError) return exec.inspect();
      throw err;
    },
  );
  return { exitCode: typeof info.ExitCode === "number" ? info.ExitCode : 1, output: demultiplex(Buffer.concat(chunks)) };
}
