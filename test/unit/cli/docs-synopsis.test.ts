import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { GC_USAGE } from "../../../cli/commands/gc";
import { LOGS_USAGE } from "../../../cli/commands/logs";
import { PS_USAGE } from "../../../cli/commands/ps";

const doc = fs.readFileSync(path.join(__dirname, "../../../docs/cli.md"), "utf8");

describe("docs/cli.md", () => {
  it.each([
    ["ps", PS_USAGE],
    ["logs", LOGS_USAGE],
    ["gc", GC_USAGE],
  ])("gives `berth %s`'s synopsis exactly as its usage does", (_, usage) => {
    const synopsis = usage.split("\n")[0].replace(/^Usage: /, "");
    expect(doc).toContain(`\n\`\`\`\n${synopsis}\n\`\`\`\n`);
  });
});
