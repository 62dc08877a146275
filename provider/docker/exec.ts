import type Docker from "dockerode";
import { retryUntil, WaitTimeoutError } from "../readiness/retry-until";
import { demultiplex } from "./container-logs";

export interface ExecResult {
  exitCode: number;
  output: string;
}

/**
 * Runs an argv array in a running container — never through a shell berth
 * did not write — and returns its exit code and combined output. Bounded by
 * a timeout; a run past it is reported as an error stating the milliseconds.
 */
export async function execInContainer(docker: Docker, containerId: string, argv: string[], timeoutMs: number, user?: string): Promise<ExecResult> {
  const exec = await docker.getContainer(containerId).exec({ Cmd: argv, AttachStdout: true, AttachStderr: true, ...(user ? { User: user } : {}) });
  const stream = await exec.start({ hijack: true, stdin: false });
  const chunks: Buffer[] = [];
  let timer: NodeJS.Timeout | undefined;
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
