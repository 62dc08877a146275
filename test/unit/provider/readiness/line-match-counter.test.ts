import { describe, expect, it } from "vitest";
import { LineMatchCounter } from "../../../../provider/readiness/line-match-counter";

describe("LineMatchCounter", () => {
  it.each([
    { name: "counts matching lines", pattern: "ready", chunks: ["ready\nnot yet\nready\n"], count: 2 },
    { name: "counts a line once however often it matches", pattern: "o", chunks: ["foo boo\n"], count: 1 },
    { name: "joins a line split across chunks", pattern: "listening on \\d+", chunks: ["boot\nlisten", "ing on 80", "80\n"], count: 1 },
    { name: "counts a line still being written once it matches, and only once", pattern: "ready$", chunks: ["a\nready", "\nb\n"], count: 1 },
    { name: "does not count a partial line that does not match yet", pattern: "ready$", chunks: ["rea"], count: 0 },
    { name: "ignores the carriage return of CRLF lines", pattern: "^done$", chunks: ["done\r\n"], count: 1 },
    { name: "keeps a multi-byte character split across chunks", pattern: "^café$", chunks: [Buffer.from("café\n").subarray(0, 4), Buffer.from("café\n").subarray(4)], count: 1 },
  ])("$name", ({ pattern, chunks, count }) => {
    const counter = new LineMatchCounter(new RegExp(pattern));
    for (const chunk of chunks) counter.feed(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    expect(counter.count).toBe(count);
  });
});
