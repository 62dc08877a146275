import { describe, expect, it } from "vitest";
import { LineSplitter } from "../../../cli/line-splitter";

describe("LineSplitter", () => {
  it.each<[string, string[], string[], string[]]>([
    ["whole lines", ["a\nb\n"], ["a", "b"], []],
    ["a line across chunks", ["hel", "lo\nwor", "ld\n"], ["hello", "world"], []],
    ["a last line without newline at the end", ["a\nb"], ["a"], ["b"]],
    ["Windows line ends", ["a\r\nb\r\n"], ["a", "b"], []],
    ["empty lines", ["\n\n"], ["", ""], []],
  ])("splits %s", (_, chunks, lines, rest) => {
    const splitter = new LineSplitter();
    expect(chunks.flatMap((c) => splitter.push(Buffer.from(c)))).toEqual(lines);
    expect(splitter.flush()).toEqual(rest);
  });

  it("keeps a UTF-8 character split across chunks whole", () => {
    const bytes = Buffer.from("grüße\n");
    const splitter = new LineSplitter();
    expect([...splitter.push(bytes.subarray(0, 3)), ...splitter.push(bytes.subarray(3))]).toEqual(["grüße"]);
  });
});
