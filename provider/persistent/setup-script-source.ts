import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * A script run once in each freshly launched container: exactly one of `path`
 * or `inline`. Plain values, not Outputs: the program reads and hashes the
 * script when it runs, and only the sha256 enters state.
 * @example { path: "scripts/provision.sh", timeoutSeconds: 300 }
 */
export interface SetupScriptArgs {
  /** A script file on the machine running `pulumi`, relative to the project folder unless absolute. */
  path?: string;
  /** The script's text, e.g. `"apt-get update && apt-get install -y curl"`. */
  inline?: string;
  /** Seconds the script may run on each host (above 0); 600 by default. */
  timeoutSeconds?: number;
  /** On attach, provision again when the script changed instead of failing; `false` by default. */
  reprovisionOnChange?: boolean;
  /** The absolute path of the shell inside the container that runs the script; `"/bin/sh"` by default. */
  shell?: string;
}

export interface SetupScriptSource {
  /** A file script's path as the program gave it, relative to the project folder unless given absolute. */
  path?: string;
  /** An inline script: found by its sha256 in this machine's cache, never by a path in state. */
  inline?: true;
  sha256?: string;
  timeoutSeconds?: number;
  reprovisionOnChange?: boolean;
  shell?: string;
}

function inlineScriptFile(sha256: string): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "berth", "setup-scripts", `${sha256}.sh`);
}

/**
 * Where the script's body is on the machine running `pulumi`: program and
 * provider run there from the project folder, so a relative path and the
 * inline cache resolve alike in both, and state names no folder.
 */
export function setupScriptFile(script: { path?: string; inline?: true; sha256?: string }): string {
  return script.inline ? inlineScriptFile(script.sha256 ?? "") : path.resolve(script.path ?? "");
}

/**
 * Turns the program's setup-script argument into what the provider receives:
 * where to find the script and its sha256 — never its body, which must not
 * enter state, nor a folder of this machine. Inline text is written once to a
 * content-addressed file. A file that cannot be read gets no sha256, and
 * `check` says so.
 */
export function setupScriptSource(args: SetupScriptArgs): SetupScriptSource {
  const { path: file, inline, ...options } = args;
  if ((file === undefined) === (inline === undefined)) {
    throw new Error("`setupScript` needs exactly one of `path` (a file) or `inline` (the script's text)");
  }
  if (inline !== undefined) {
    const sha256 = createHash("sha256").update(inline).digest("hex");
    const target = inlineScriptFile(sha256);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, inline, { mode: 0o600 });
    }
    return { inline: true, sha256, ...options };
  }
  const given = path.isAbsolute(file as string) ? path.normalize(file as string) : path.relative(process.cwd(), path.resolve(file as string));
  try {
    return { path: given, sha256: createHash("sha256").update(fs.readFileSync(given)).digest("hex"), ...options };
  } catch {
    return { path: given, ...options };
  }
}
