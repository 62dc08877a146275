import * as fs from "fs";
import * as path from "path";

const PACKAGE_NAME = "pulumi-berth";

/**
 * The version in berth's own package.json, found by walking up from this
 * file: it sits one folder higher from the compiled `dist/cli/` than from the
 * sources in `cli/`.
 */
export function packageVersion(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (manifest.name === PACKAGE_NAME && manifest.version) return manifest.version;
    }
    if (path.dirname(dir) === dir) throw new Error(`no package.json of ${PACKAGE_NAME} above ${from}`);
  }
}
