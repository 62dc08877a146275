import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { GC_USAGE } from "../../../cli/commands/gc";
import { LOGS_USAGE } from "../../../cli/commands/logs";
import { PS_USAGE } from "../../../cli/commands/ps";
import { USAGE } from "../../../cli/main";
import { runCli } from "./run-cli";

const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../package.json"), "utf8")) as { version: string };

describe("berth's entry point", () => {
  it.each([["--version"], ["-V"]])("prints the package's version for %s", async (flag) => {
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await runCli([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it.each([
    ["ps", PS_USAGE],
    ["logs", LOGS_USAGE],
    ["gc", GC_USAGE],
  ])("prints the usage of `berth help %s`, as `--help` does", async (command, usage) => {
    expect(await runCli(["help", command])).toEqual({ code: 0, stdout: `${usage}\n`, stderr: "" });
    expect(await runCli([command, "--help"])).toEqual({ code: 0, stdout: `${usage}\n`, stderr: "" });
  });

  it("prints the overview for `berth help`, and refuses help on a command it does not have", async () => {
    expect(await runCli(["help"])).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: "" });
    expect(await runCli(["help", "frobnicate"])).toEqual({ code: 2, stdout: "", stderr: `berth: unknown command "frobnicate"\n\n${USAGE}\n` });
  });

  it.each([
    [["ps", "--bogus"], "`berth ps` has no option `--bogus`", PS_USAGE],
    [["gc", "-x"], "`berth gc` has no option `-x`", GC_USAGE],
    [["logs", "api", "--tail"], "`--tail` needs a value (`--tail VALUE`, or `--tail=VALUE` for one that starts with `-`)", LOGS_USAGE],
    [["logs", "api", "--follow=yes"], "`--follow` takes no value", LOGS_USAGE],
    [["gc", "now"], '`berth gc` takes no arguments, got "now"', GC_USAGE],
  ])("reports %j in one line with the command's usage, exit code 2", async (args, message, usage) => {
    expect(await runCli(args)).toEqual({ code: 2, stdout: "", stderr: `berth: ${message}\n\n${usage}\n` });
  });
});
