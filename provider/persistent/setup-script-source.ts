import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface SetupScriptArgs {
  /** A script file on the machine running `pulumi`. */
  path?: string;
  /** The script's text. */
  inline?: string;
  timeoutSeconds?: number;
  /** On attach, provision again when the script changed instead of failing. */
  reprovisionOnChange?: boolean;
  /** The shell inside the container; `/bin/sh` by default. */
  shell?: string;
}

export interface SetupScriptSource {
  path: string;
  sha256?: string;
  timeoutSeconds?: number;
  reprovisionOnChange?: boolean;
  shell?: string;
}

function cacheDir(): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "berth", "setup-scripts");
}

/**
 * Turns the program's setup-script argument into what the provider receives:
 * a file path and the script's sha256 — never its body, which must not enter
 * state. Inline text is written once to a content-addressed file. A file that
 * cannot be read gets no sha256, and `check` says so.
 */
export function setupScriptSource(args: SetupScriptArgs): SetupScriptSource {
  const { path: file, inline, ...options } = args;
  if ((file === undefined) === (inline === undefined)) {
    throw new Error("`setupScript` needs exactly one of `path` (a file) or `inline` (the script's text)");
  }
  if (inline !== undefined) {
    const sha256 = createHash("sha256").update(inline).digest("hex");
    const target = path.join(cacheDir(), `${sha256}.sh`);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, inline, { mode: 0o600 });
    }
    return { path: target, sha256, ...options };
  }
  const resolved = path.resolve(file as string);
  try {
    return { path: resolved, sha256: createHash("sha256").update(fs.readFileSync(resolved)).digest("hex"), ...options };
  } catch {
    return { path: resolved, ...options };
  }
}
