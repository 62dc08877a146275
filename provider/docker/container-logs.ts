import type Docker from "dockerode";

/** Splits Docker's multiplexed log stream (8-byte frame headers) into text; a TTY stream is plain. */
export function demultiplex(buffer: Buffer): string {
  const chunks: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length && buffer[offset] <= 2 && buffer.readUInt16BE(offset + 1) === 0) {
    const size = buffer.readUInt32BE(offset + 4);
    chunks.push(buffer.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return offset === 0 ? buffer.toString("utf8") : Buffer.concat(chunks).toString("utf8");
}

/** The last lines a container wrote to stdout and stderr, interleaved as written. */
export async function containerLogTail(docker: Docker, containerId: string, lines: number): Promise<string> {
  const raw = (await docker.getContainer(containerId).logs({ stdout: true, stderr: true, tail: lines, follow: false })) as unknown as Buffer;
  return demultiplex(Buffer.from(raw)).trimEnd();
}
