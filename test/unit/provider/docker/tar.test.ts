import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { firstFileContent, tarFile } from "../../../../provider/docker/tar";

describe("tar", () => {
  it.each([
    ["empty", ""],
    ["short", "echo hello\n"],
    ["one block exactly", "x".repeat(512)],
    ["several blocks", "set -e\n".repeat(400)],
  ])("round-trips a %s file and GNU tar reads it", (_what, text) => {
    const archive = tarFile(".berth-setup.sh", Buffer.from(text), 0o755);
    expect(archive.length % 512).toBe(0);
    expect(firstFileContent(archive)!.toString()).toBe(text);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-tar-"));
    fs.writeFileSync(path.join(dir, "a.tar"), archive);
    execFileSync("tar", ["-xf", "a.tar"], { cwd: dir });
    expect(fs.readFileSync(path.join(dir, ".berth-setup.sh"), "utf8")).toBe(text);
    expect(fs.statSync(path.join(dir, ".berth-setup.sh")).mode & 0o777).toBe(0o755);
  });
});
