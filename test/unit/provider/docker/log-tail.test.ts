import { describe, expect, it } from "vitest";
import { escapeControl, LOG_TAIL_MAX_BYTES, logTail } from "../../../../provider/docker/log-tail";
import { REDACTED, redactor } from "../../../../provider/redaction";

/** A small deterministic generator (mulberry32), so that a failing case can be run again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Secrets use upper-case letters and digits only; the text around them and REDACTED use none of them.
const SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const secretOf = (next: () => number, length: number) => Array.from({ length }, () => SECRET_ALPHABET[Math.floor(next() * SECRET_ALPHABET.length)]).join("");
const leaked = (text: string) => text.replace(/^\[\d+ bytes[^\]]*\]/, "").split(REDACTED).join("").match(/[A-Z0-9]+/g) ?? [];

/** Docker's entries of a log whose lines are split at the given offsets, as a line over 16 KB is. */
function entries(lines: Array<{ text: string; cuts?: number[] }>): Buffer[] {
  return lines.flatMap(({ text, cuts = [] }) => {
    const points = [0, ...cuts, text.length];
    return points.slice(1).map((end, i) => Buffer.from(text.slice(points[i], end) + (end === text.length ? "\n" : "")));
  });
}

/** Every tail Docker could answer: the last k entries for each k. */
function everyTail(all: Buffer[], settled: boolean, redact: (s: string) => string, lines = 1000): string[] {
  return all.map((_, i) => logTail(all.slice(i), i === 0, { lines, redact, settled }));
}

describe("logTail: no part of a secret survives a cut", () => {
  it("with a secret split at every offset, for 150 random secret lengths", () => {
    const next = random(14);
    for (let round = 0; round < 150; round++) {
      const secret = secretOf(next, 1 + Math.floor(next() * 70));
      const redact = redactor([secret]);
      const line = `token=${secret}${secret} then ${secret}`;
      for (let cut = 1; cut < line.length; cut++) {
        const log = entries([{ text: "starting" }, { text: line, cuts: [cut] }, { text: "done" }]);
        for (const tail of everyTail(log, true, redact)) expect(leaked(tail), `secret ${secret} cut at ${cut}: ${tail}`).toEqual([]);
      }
    }
  });

  it("with lines cut into many entries shorter than the secret, at random points", () => {
    const next = random(15);
    for (let round = 0; round < 300; round++) {
      const secret = secretOf(next, 5 + Math.floor(next() * 200));
      const redact = redactor([secret]);
      const line = Array.from({ length: 1 + Math.floor(next() * 6) }, () => secret).join(" and ");
      const cuts = [...new Set(Array.from({ length: 1 + Math.floor(next() * 12) }, () => 1 + Math.floor(next() * (line.length - 1))))].sort((a, b) => a - b);
      const log = entries([{ text: line, cuts }, { text: line, cuts: cuts.slice(1) }]);
      for (const tail of everyTail(log, true, redact, 1 + Math.floor(next() * 3))) expect(leaked(tail), `secret ${secret}, cuts ${cuts}: ${tail}`).toEqual([]);
    }
  });

  it("leaves out a last line still being written, which may end inside a secret", () => {
    const secret = "ABCDEFGHIJ0123456789";
    const redact = redactor([secret]);
    for (let cut = 1; cut < secret.length; cut++) {
      const log = [Buffer.from("ready\n"), Buffer.from(`token=${secret.slice(0, cut)}`)];
      expect(logTail(log, true, { lines: 5, redact, settled: false })).toBe("ready");
    }
  });

  it("keeps whole lines of a whole log, the first included; of a part, only lines known to be whole", () => {
    const log = entries([{ text: "one" }, { text: "two", cuts: [1] }, { text: "three" }]);
    expect(logTail(log, true, { lines: 2, redact: (s) => s, settled: true })).toBe("two\nthree");
    expect(logTail(log, true, { lines: 10, redact: (s) => s, settled: true })).toBe("one\ntwo\nthree");
    // "t" may continue an earlier line: nothing before the first newline is known to be a whole line.
    expect(logTail(log.slice(1), false, { lines: 10, redact: (s) => s, settled: true })).toBe("three");
    expect(logTail(log.slice(2), false, { lines: 10, redact: (s) => s, settled: true })).toBe("three");
  });
});

describe("logTail: bounded in bytes, control characters escaped", () => {
  it("cuts a 4 MB line to the byte cap, after redaction", () => {
    const secret = "ZYXWVUTSRQ9876543210";
    const line = `${"a".repeat(16)}${secret}`.repeat(4 * 1024 * 1024 / 36);
    const tail = logTail([Buffer.from(`${line}\n`)], true, { lines: 20, redact: redactor([secret]), settled: true });
    expect(Buffer.byteLength(tail)).toBeLessThanOrEqual(LOG_TAIL_MAX_BYTES + 32);
    expect(tail).toMatch(/^\[\d+ bytes cut\] /);
    expect(leaked(tail)).toEqual([]);
  });

  it("starts at a line when one starts within the cap, and never inside a character", () => {
    const long = "é".repeat(LOG_TAIL_MAX_BYTES);
    expect(logTail([Buffer.from(`${long}\nlast line\n`)], true, { lines: 5, redact: (s) => s, settled: true })).toMatch(/^\[\d+ bytes cut\] last line$/);
    const cut = logTail([Buffer.from(`x${long}\n`)], true, { lines: 5, redact: (s) => s, settled: true, maxBytes: 101 });
    expect(cut).toBe(`[${2 * LOG_TAIL_MAX_BYTES + 1 - 100} bytes cut] ${"é".repeat(50)}`);
  });

  it("escapes ESC, NUL, CR and C1 controls, keeping newlines and tabs", () => {
    expect(escapeControl("\u001b[2J\u0000a\tb\r\nc\u009b")).toBe("\\x1b[2J\\x00a\tb\\x0d\nc\\x9b");
    expect(logTail([Buffer.from("\u001b]0;pwned\u0007\n")], true, { lines: 1, redact: (s) => s, settled: true })).toBe("\\x1b]0;pwned\\x07");
  });
});
