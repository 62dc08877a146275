import { StringDecoder } from "string_decoder";

/** Counts the lines of a growing output that match a pattern; a line still being written counts as soon as it matches. */
export class LineMatchCounter {
  private readonly decoder = new StringDecoder("utf8");
  private pending = "";
  private completed = 0;

  constructor(private readonly pattern: RegExp) {}

  feed(chunk: Buffer): void {
    const lines = (this.pending + this.decoder.write(chunk)).split("\n");
    this.pending = lines.pop() ?? "";
    for (const line of lines) if (this.matches(line)) this.completed++;
  }

  get count(): number {
    return this.completed + (this.pending && this.matches(this.pending) ? 1 : 0);
  }

  private matches(line: string): boolean {
    return this.pattern.test(line.endsWith("\r") ? line.slice(0, -1) : line);
  }
}
