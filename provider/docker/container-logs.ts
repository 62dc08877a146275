import type Docker from "dockerode";
import { logTail, type LogTailOptions } from "./log-tail";

/** The frames of Docker's multiplexed stream (8-byte headers), one per log entry; `undefined` for a TTY's plain stream. */
function frames(buffer: Buffer): Buffer[] | undefined {
  const chunks: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length && buffer[offset] <= 2 && buffer.readUInt16BE(offset + 1) === 0) {
    const size = buffer.readUInt32BE(offset + 4);
    chunks.push(buffer.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return offset === 0 ? undefined : chunks;
}

/** Splits Docker's multiplexed log stream (8-byte frame headers) into text; a TTY stream is plain. */
export function demultiplex(buffer: Buffer): string {
  const entries = frames(buffer);
  return (entries ? Buffer.concat(entries) : buffer).toString("utf8");
}

/**
 * The last lines a container wrote to stdout and stderr, interleaved as
 * written, redacted and bounded (see `logTail`). One entry more than lines is
 * read, so that the line before the first whole one can be left out.
 */
export async function containerLogTail(docker: Docker, containerId: string, options: LogTailOptions): Promise<string> {
  const asked = options.lines + 1;
  const raw = Buffer.from((await docker.getContainer(containerId).logs({ stdout: true, stderr: true, tail: asked, follow: false })) as unknown as Buffer);
  const entries = frames(raw);
  // A TTY's stream has no entries to count: it is whole only when empty.
  return logTail(entries ?? [raw], entries ? entries.length < asked : raw.length === 0, options);
}
