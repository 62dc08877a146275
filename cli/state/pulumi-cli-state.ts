import { execFile } from "child_process";
import * as os from "os";
import { fileBackendLocked, fileBackendRoot } from "./file-backend-state";
import { findPulumi } from "./pulumi-binary";
import type { StackState, StateSnapshot } from "./stack-state";

const MAX_OUTPUT_BYTES = 1024 ** 3;
const PARALLEL_EXPORTS = 4;

/**
 * Runs the Pulumi CLI with the caller's environment (PULUMI_BACKEND_URL,
 * PULUMI_HOME …) from a folder outside any project, so that stack names come
 * back fully qualified.
 */
function pulumi(binary: string, args: string[], env: NodeJS.ProcessEnv, adviceOnFailure = ""): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { cwd: os.tmpdir(), env, maxBuffer: MAX_OUTPUT_BYTES }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      reject(new Error(`\`pulumi ${args.join(" ")}\` failed (exit ${err.code}): ${stderr.trim().split("\n").slice(-3).join(" ")}${adviceOnFailure}`));
    });
  });
}

function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new Error(`\`pulumi ${what}\` did not print JSON (${(err as Error).message})`);
  }
}

/** Maps with at most `limit` calls under way: one `pulumi stack export` process per stack is plenty. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Every stack of the current backend through the Pulumi CLI:
 * `pulumi stack ls --json --all`, then `pulumi stack export` of each. The CLI
 * reports a running update (`updateInProgress`) only for Pulumi Cloud; for a
 * file backend the lock files are read directly.
 */
export async function readPulumiState(env: NodeJS.ProcessEnv): Promise<StateSnapshot> {
  const binary = findPulumi(env);
  const notLoggedIn = "; log in to the backend that holds your stacks (`pulumi login`, or set PULUMI_BACKEND_URL), or read a file backend directly with `--state-dir`";
  const { url } = parseJson<{ url?: string }>(await pulumi(binary, ["whoami", "--json"], env, notLoggedIn), "whoami --json");
  const listed = parseJson<Array<{ name: string; updateInProgress?: boolean }>>(await pulumi(binary, ["stack", "ls", "--json", "--all"], env), "stack ls --json --all");
  if (!Array.isArray(listed)) throw new Error("`pulumi stack ls --json --all` did not print a list of stacks");
  const fileRoot = url?.startsWith("file://") ? fileBackendRoot(url) : undefined;
  const stacks = await mapLimit(listed, PARALLEL_EXPORTS, async ({ name, updateInProgress }): Promise<StackState> => {
    const parts = name.split("/");
    if (parts.length !== 3) throw new Error(`\`pulumi stack ls\` named a stack ${JSON.stringify(name)}; berth expects \`organization/project/stack\``);
    const [, project, stack] = parts;
    const exported = parseJson<{ deployment?: unknown }>(await pulumi(binary, ["stack", "export", "--stack", name], env), `stack export --stack ${name}`);
    return {
      project,
      stack,
      locked: updateInProgress === true || (fileRoot !== undefined && (await fileBackendLocked(fileRoot, project, stack))),
      deployment: exported.deployment,
    };
  });
  return { source: `the Pulumi CLI's backend ${url ?? "(unknown)"}`, stacks };
}
