import { describe, expect, it } from "vitest";
import { LogFrameDecoder } from "../../../cli/log-frames";

function frame(type: number, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

const stream = Buffer.concat([frame(1, "out one\n"), frame(2, "err ünïcode\n"), frame(1, ""), frame(1, "out two\n")]);
const expected = [
  ["stdout", "out one\n"],
  ["stderr", "err ünïcode\n"],
  ["stdout", ""],
  ["stdout", "out two\n"],
];

describe("LogFrameDecoder", () => {
  it.each(Array.from({ length: stream.length + 1 }, (_, cut) => cut))("decodes the same frames when a chunk ends at byte %i", (cut) => {
    const decoder = new LogFrameDecoder();
    const frames = [...decoder.push(stream.subarray(0, cut)), ...decoder.push(stream.subarray(cut))];
    expect(frames.map((f) => [f.stream, f.payload.toString("utf8")])).toEqual(expected);
  });

  it("decodes a byte at a time", () => {
    const decoder = new LogFrameDecoder();
    const frames = [...stream].flatMap((byte) => decoder.push(Buffer.from([byte])));
    expect(frames.map((f) => [f.stream, f.payload.toString("utf8")])).toEqual(expected);
  });

  it("holds an incomplete frame back", () => {
    expect(new LogFrameDecoder().push(frame(1, "partial").subarray(0, 10))).toEqual([]);
  });
});
