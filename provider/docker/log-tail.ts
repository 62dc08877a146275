/** The most bytes of a container's log berth puts into an output, an error or a progress message. */
export const LOG_TAIL_MAX_BYTES = 16 * 1024;

export interface LogTailOptions {
  /** How many lines, at most. */
  lines: number;
  /** Applied to whole lines before anything is cut, so that no part of a secret survives a cut. */
  redact: (text: string) => string;
  /** The container has stopped writing: a last line without a newline is complete, not a piece still being written. */
  settled: boolean;
  maxBytes?: number;
}

// C0 controls but newline and tab, DEL, and the C1 controls: a terminal acts on them.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Control characters as visible `\xNN` escapes, so that a container's output cannot drive the user's terminal. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/** The last `maxBytes` bytes of `text` or fewer, starting at a line if one starts in them, never inside a character. */
function lastBytes(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return text;
  let start = bytes.length - maxBytes;
  const newline = bytes.indexOf(0x0a, start);
  if (newline >= 0 && newline < bytes.length - 1) start = newline + 1;
  // A UTF-8 continuation byte (10xxxxxx) is the middle of a character.
  while ((bytes[start] & 0xc0) === 0x80) start++;
  return `[${start} bytes cut] ${bytes.subarray(start).toString("utf8")}`;
}

/**
 * What berth shows of the end of a container's log, from Docker's log
 * entries: a line longer than 16 KB comes as several entries, so the first
 * entry of a tail may start in the middle of a line — and of a secret. Unless
 * the entries are the whole log, the text before the first newline is left
 * out; so is a last line still being written. Only whole lines are redacted;
 * then control characters are escaped, and the lines and bytes bounded.
 */
export function logTail(entries: Buffer[], wholeLog: boolean, options: LogTailOptions): string {
  const read = Buffer.concat(entries);
  let bytes = wholeLog ? read : read.subarray(read.indexOf(0x0a) + 1 || read.length);
  if (!options.settled) bytes = bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1);
  const lines = escapeControl(options.redact(bytes.toString("utf8")).trimEnd()).split("\n");
  const text = options.lines > 0 ? lines.slice(-options.lines).join("\n") : "";
  if (text === "" && options.lines > 0 && read.length > 0) return `[${read.length} bytes of a line too long to show whole]`;
  return lastBytes(text, options.maxBytes ?? LOG_TAIL_MAX_BYTES);
}
