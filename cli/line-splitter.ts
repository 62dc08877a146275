const NEWLINE = 0x0a;

/**
 * Whole lines from chunks of bytes. A line split across chunks (or a UTF-8
 * character split across them) is held until its newline arrives; splitting
 * on the newline byte is safe because it never occurs inside a multi-byte
 * character.
 */
export class LineSplitter {
  private partial: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): string[] {
    const data = this.partial.length === 0 ? chunk : Buffer.concat([this.partial, chunk]);
    const lines: string[] = [];
    let start = 0;
    for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
      lines.push(data.toString("utf8", start, end).replace(/\r$/, ""));
      start = end + 1;
    }
    this.partial = data.subarray(start);
    return lines;
  }

  /** The last line when the stream ends without a newline. */
  flush(): string[] {
    const rest = this.partial.toString("utf8");
    this.partial = Buffer.alloc(0);
    return rest === "" ? [] : [rest];
  }
}
