import { describe, expect, it } from "vitest";
import { wantsColor } from "../../../cli/terminal";
import { style } from "../../../cli/style";

describe("colour", () => {
  it.each([
    [true, {}, true],
    [true, { NO_COLOR: "1" }, false],
    [true, { NO_COLOR: "" }, true],
    [false, {}, false],
    [undefined, {}, false],
  ])("a TTY %j with env %j gets colour: %j", (isTTY, env, expected) => {
    expect(wantsColor({ write: () => true, isTTY }, env)).toBe(expected);
  });

  it("styles with ANSI codes only when colour is on", () => {
    expect(style(true).red("x")).toBe("\u001b[31mx\u001b[39m");
    expect(style(false).red("x")).toBe("x");
  });
});
