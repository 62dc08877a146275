export type LogStream = "stdout" | "stderr";

export interface LogFrame {
  stream: LogStream;
  payload: Buffer;
}

const HEADER = 8;
const STDERR = 2;

/**
 * Reads Docker's multiplexed log stream as it arrives: each frame is an
 * 8-byte header (stream type, three zero bytes, big-endian payload size) and
 * its payload. Socket chunks split frames anywhere, so an incomplete frame is
 * held until the rest arrives. (provider/docker/container-logs.ts flattens a
 * whole buffer instead, dropping which stream a line came from.)
 */
export class LogFrameDecoder {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): LogFrame[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: LogFrame[] = [];
    while (this.pending.length >= HEADER) {
      const end = HEADER + this.pending.readUInt32BE(4);
      if (this.pending.length < end) break;
      frames.push({ stream: this.pending[0] === STDERR ? "stderr" : "stdout", payload: this.pending.subarray(HEADER, end) });
      this.pending = this.pending.subarray(end);
    }
    return frames;
  }
}
