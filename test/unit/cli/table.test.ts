import { describe, expect, it } from "vitest";
import { renderTable, type Row } from "../../../cli/table";

const brackets = (text: string) => `[${text}]`;

describe("renderTable", () => {
  it.each<[string, Row, Row[], string[]]>([
    ["pads every column but the last to its widest text", ["A", "BB", "C"], [["long", "x", "end"]], ["A     BB  C", "long  x   end"]],
    ["leaves no trailing blanks when the last cell is empty", ["NAME", "NOTE"], [["web", ""]], ["NAME  NOTE", "web"]],
    ["paints only the text, so colour never shifts a column", ["A", "B"], [[{ text: "x", paint: brackets }, "y"], ["xyz", "z"]], ["A    B", "[x]    y", "xyz  z"]],
    ["renders a header alone", ["ONLY"], [], ["ONLY"]],
  ])("%s", (_, header, rows, expected) => {
    expect(renderTable(header, rows)).toEqual(expected);
  });
});
