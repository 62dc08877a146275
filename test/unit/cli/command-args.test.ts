import { describe, expect, it } from "vitest";
import { parseCommandArgs } from "../../../cli/command-args";
import { UsageError } from "../../../cli/usage-error";

const OPTIONS = { tail: { type: "string", short: "n" }, follow: { type: "boolean", short: "f" } } as const;

function failure(args: string[], allowPositionals = true): UsageError {
  try {
    parseCommandArgs("logs", args, OPTIONS, allowPositionals);
  } catch (err) {
    return err as UsageError;
  }
  throw new Error(`${JSON.stringify(args)} parsed without an error`);
}

describe("parseCommandArgs", () => {
  it.each([
    [["--bogus"], true, "`berth logs` has no option `--bogus`"],
    [["--bogus=1"], true, "`berth logs` has no option `--bogus`"],
    [["-x"], true, "`berth logs` has no option `-x`"],
    [["-fx"], true, "`berth logs` has no option `-x`"],
    [["--tail"], true, "`--tail` needs a value (`--tail VALUE`, or `--tail=VALUE` for one that starts with `-`)"],
    [["-n"], true, "`--tail` needs a value (`--tail VALUE`, or `--tail=VALUE` for one that starts with `-`)"],
    [["--tail", "--follow"], true, "`--tail` needs a value (`--tail VALUE`, or `--tail=VALUE` for one that starts with `-`)"],
    [["--follow=yes"], true, "`--follow` takes no value"],
    [["api", "web"], false, '`berth logs` takes no arguments, got "api"'],
  ])("turns the parse error of %j into one line of berth's own", (args, allowPositionals, message) => {
    const err = failure(args, allowPositionals);
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toBe(message);
  });

  it("parses what is well formed", () => {
    expect(parseCommandArgs("logs", ["api", "-n", "5", "-f"], OPTIONS)).toEqual({ values: { tail: "5", follow: true }, positionals: ["api"] });
  });
});
