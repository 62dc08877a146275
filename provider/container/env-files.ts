import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { z } from "zod";

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DOUBLE_QUOTED_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\", $: "$" };

/** An env file as state keeps it: where it is on the machine running `pulumi`, and its sha256 when the program read it. */
export const envFileSchema = z.strictObject({
  path: z.string().min(1, "must name a file, e.g. `.env`"),
  sha256: z.string().regex(/^[a-f0-9]{64}$/).optional(),
});

export type EnvFileProps = z.infer<typeof envFileSchema>;

function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The program's side: a path (relative to the project folder unless absolute) and its sha256, or none when unreadable. */
export function envFileSource(file: string): EnvFileProps {
  const given = path.isAbsolute(file) ? path.normalize(file) : path.relative(process.cwd(), path.resolve(file));
  try {
    return { path: given, sha256: sha256(fs.readFileSync(given)) };
  } catch {
    return { path: given };
  }
}

function unquote(raw: string): string {
  if (raw.startsWith("'")) return raw.slice(1, raw.lastIndexOf("'"));
  if (raw.startsWith('"')) return raw.slice(1, raw.lastIndexOf('"')).replace(/\\(.)/g, (all, c: string) => DOUBLE_QUOTED_ESCAPES[c] ?? all);
  // Unquoted: a ` #` starts a comment, as in compose.
  return raw.replace(/\s+#.*$/, "").trim();
}

/**
 * Compose's `env_file` format: `KEY=VALUE` lines, `#` comments, blank lines,
 * an optional `export ` prefix; values single-quoted (literal),
 * double-quoted (with `\n`-style escapes) or bare. A line without `=` is an
 * error: berth never takes values from its own environment.
 */
export function parseEnvFile(text: string): { env: Record<string, string>; problem?: string } {
  const env: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    const trimmed = line.trim().replace(/^export\s+/, "");
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const eq = trimmed.indexOf("=");
    const name = eq < 0 ? trimmed : trimmed.slice(0, eq).trim();
    if (eq < 0 || !ENV_NAME.test(name)) {
      return { env, problem: `line ${i + 1} is not \`NAME=value\` with a name of letters, digits and \`_\`${eq < 0 ? " (berth does not take values from its own environment)" : ""}` };
    }
    const raw = trimmed.slice(eq + 1).trim();
    if ((raw.startsWith('"') || raw.startsWith("'")) && raw.lastIndexOf(raw[0]) === 0) return { env, problem: `line ${i + 1} opens a quote it never closes` };
    env[name] = unquote(raw);
  }
  return { env };
}

/** Why an env file cannot be used now, or its variables. Values never appear in the reason. */
export function readEnvFile(file: EnvFileProps): { env: Record<string, string>; problem?: string } {
  if (file.sha256 === undefined) return { env: {}, problem: `${file.path} could not be read when the program ran; check the path (relative to the project folder) and its permissions` };
  let text: Buffer;
  try {
    text = fs.readFileSync(path.resolve(file.path));
  } catch (err) {
    return { env: {}, problem: `${file.path} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  if (sha256(text) !== file.sha256) return { env: {}, problem: `${file.path} changed since the program read it; run the command again` };
  const parsed = parseEnvFile(text.toString("utf8"));
  return parsed.problem ? { env: {}, problem: `${file.path}: ${parsed.problem}` } : parsed;
}

/**
 * A container's env with its env files underneath, as compose merges them:
 * later files win over earlier ones, `env` over every file. Every value that
 * came from a file counts as secret (state holds only the files' sha256), so
 * it is redacted from logs and errors like a secret `env` value.
 */
export function withEnvFiles<T extends { env: Record<string, string>; secretEnvKeys: string[]; envFiles: EnvFileProps[] }>(props: T): T {
  if (props.envFiles.length === 0) return props;
  const fromFiles: Record<string, string> = {};
  for (const file of props.envFiles) {
    const { env, problem } = readEnvFile(file);
    if (problem) throw new Error(`\`envFiles\`: ${problem}`);
    Object.assign(fromFiles, env);
  }
  const fileKeys = Object.keys(fromFiles).filter((key) => !(key in props.env));
  return { ...props, env: { ...fromFiles, ...props.env }, secretEnvKeys: [...new Set([...props.secretEnvKeys, ...fileKeys])] };
}
