import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { findPulumi } from "../../../cli/state/pulumi-binary";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "berth-pulumi-lookup-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A folder holding a file `pulumi`, executable or not. */
function folder(name: string, executable = true): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "pulumi"), "#!/bin/sh\n", { mode: executable ? 0o755 : 0o644 });
  return dir;
}

describe("findPulumi", () => {
  const first = folder("first");
  const second = folder("second");
  const notExecutable = folder("not-executable", false);
  const home = path.join(root, "home");
  const installed = folder(path.join("home", ".pulumi", "bin"));
  const emptyHome = path.join(root, "empty-home");
  const empty = path.join(root, "empty");
  fs.mkdirSync(empty);

  it.each([
    ["the first on PATH", [empty, first, second], home, path.join(first, "pulumi")],
    ["PATH before the install folder", [second], home, path.join(second, "pulumi")],
    ["the install folder when PATH has none", [empty, notExecutable], home, path.join(installed, "pulumi")],
    ["the install folder when PATH is empty", [], home, path.join(installed, "pulumi")],
  ])("takes %s", (_, dirs, HOME, expected) => {
    expect(findPulumi({ PATH: dirs.join(path.delimiter), HOME })).toBe(expected);
  });

  it("says how to install Pulumi or set PATH when there is none", () => {
    expect(() => findPulumi({ PATH: [empty, notExecutable].join(path.delimiter), HOME: emptyHome })).toThrow(
      `the Pulumi CLI (\`pulumi\`) is neither on PATH nor in ${path.join(emptyHome, ".pulumi", "bin")}; install it (\`curl -fsSL https://get.pulumi.com | sh\`, ` +
        "see https://www.pulumi.com/docs/install/) or add the folder that holds it to PATH, or read a file backend directly with `--state-dir`",
    );
  });
});
