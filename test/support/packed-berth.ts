import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";

const ROOT = path.resolve(__dirname, "../..");
const execFileAsync = promisify(execFile);
const packed = new Map<string, Promise<string>>();

async function npmPack(dir: string, destination: string, extra: string[] = []): Promise<string> {
  const { stdout } = await execFileAsync("npm", ["pack", "--silent", ...extra, "--pack-destination", destination], { cwd: dir, encoding: "utf8" });
  return path.join(destination, stdout.trim().split("\n").pop()!);
}

/** The folders the tarballs were packed in, removed when the test process ends. */
const packFolders: string[] = [];
process.once("exit", () => {
  for (const dir of packFolders) fs.rmSync(dir, { recursive: true, force: true });
});

async function pack(version: string | undefined): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-pack-"));
  packFolders.push(dir);
  const tarball = await npmPack(ROOT, dir);
  if (!version) return tarball;
  await execFileAsync("tar", ["xzf", tarball, "-C", dir]);
  const manifestFile = path.join(dir, "package", "package.json");
  fs.writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(manifestFile, "utf8")), version }, null, 2));
  return npmPack(path.join(dir, "package"), dir, ["--ignore-scripts"]);
}

/**
 * berth as a user installs it: the tarball `npm pack` makes of this checkout
 * (its `prepare` compiles `dist`), once per test file. With `version`, the same
 * package re-packed under another version number: a later berth release.
 */
export function packedBerth(version?: string): Promise<string> {
  const key = version ?? "";
  if (!packed.has(key)) packed.set(key, pack(version));
  return packed.get(key)!;
}
