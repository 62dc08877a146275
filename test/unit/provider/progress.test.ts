import { describe, expect, it } from "vitest";
import { lastOutputLine } from "../../../provider/progress";
import { redactor } from "../../../provider/redaction";

describe("lastOutputLine", () => {
  const redact = redactor(["s3cr3t-token-value"]);

  it("gives the last complete line, leaving out one still being written", () => {
    expect(lastOutputLine("fetching\nunpacking\nhalf a li", redact)).toBe("unpacking");
    expect(lastOutputLine("no newline yet", redact)).toBe("");
  });

  it("redacts before shortening, so a secret across the cut leaves no prefix behind", () => {
    const line = `${"x".repeat(110)} s3cr3t-token-value\n`;
    const said = lastOutputLine(line, redact);
    expect(said).not.toContain("s3cr3t");
    expect(said).toBe(`${"x".repeat(110)} [secret]`);
  });

  it("never shows the first half of a secret that is still arriving", () => {
    expect(lastOutputLine("ok\ntoken: s3cr3t-to", redact)).toBe("ok");
  });

  it("escapes control characters, so that a command's output cannot drive the terminal", () => {
    expect(lastOutputLine("done\u001b[2J\u0007\n", redact)).toBe("done\\x1b[2J\\x07");
  });

  it("shortens a long line to fit a message", () => {
    expect(lastOutputLine(`${"y".repeat(300)}\n`, redact)).toBe(`${"y".repeat(120)}…`);
  });
});
