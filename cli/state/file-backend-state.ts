import { promises as fs } from "fs";
import * as path from "path";
import { fileURLToPath } from "url";
import { gunzipSync } from "zlib";
import type { StackState, StateSnapshot } from "./stack-state";

// The organisation a file backend files every project under.
const ORGANIZATION = "organization";
const STATE_FILE = /^(.+)\.json(\.gz)?$/;

const errorCode = (err: unknown) => (err as NodeJS.ErrnoException).code;

/** The folder a file backend keeps `.pulumi/` in, from a path or a `file://` URL. */
export function fileBackendRoot(dirOrUrl: string): string {
  return dirOrUrl.startsWith("file://") ? fileURLToPath(new URL(dirOrUrl)) : path.resolve(dirOrUrl);
}

/** Whether an update holds the stack's lock: `pulumi up` writes `.pulumi/locks/organization/<project>/<stack>/<id>.json`. */
export async function fileBackendLocked(root: string, project: string, stack: string): Promise<boolean> {
  try {
    return (await fs.readdir(path.join(root, ".pulumi", "locks", ORGANIZATION, project, stack))).some((file) => file.endsWith(".json"));
  } catch (err) {
    if (errorCode(err) === "ENOENT") return false;
    throw err;
  }
}

async function readStateFile(file: string): Promise<unknown> {
  const raw = await fs.readFile(file);
  const text = file.endsWith(".gz") ? gunzipSync(raw).toString("utf8") : raw.toString("utf8");
  try {
    return (JSON.parse(text) as { checkpoint?: { latest?: unknown } }).checkpoint?.latest;
  } catch (err) {
    throw new Error(`${file} is not JSON (${(err as Error).message})`);
  }
}

/**
 * Every stack of one file backend, read from its project-scoped layout
 * (`.pulumi/meta.yaml` says `version: 1`):
 * `.pulumi/stacks/<project>/<stack>.json`, or `.json.gz` when Pulumi gzips state.
 */
async function readFileBackend(dirOrUrl: string): Promise<StackState[]> {
  const root = fileBackendRoot(dirOrUrl);
  const meta = path.join(root, ".pulumi", "meta.yaml");
  let metaText: string;
  try {
    metaText = await fs.readFile(meta, "utf8");
  } catch (err) {
    throw new Error(`\`--state-dir\` ${JSON.stringify(dirOrUrl)} holds no Pulumi file backend: ${meta} cannot be read (${errorCode(err)})`);
  }
  if (!/^version:\s*1\s*$/m.test(metaText)) {
    throw new Error(
      `\`--state-dir\` ${JSON.stringify(dirOrUrl)} is not in the project-scoped layout (${meta} does not say \`version: 1\`); ` +
        `let the Pulumi CLI read it: \`PULUMI_BACKEND_URL=file://${root} berth gc\``,
    );
  }
  const stacksDir = path.join(root, ".pulumi", "stacks");
  const projects = await fs.readdir(stacksDir, { withFileTypes: true }).catch((err) => {
    if (errorCode(err) === "ENOENT") return [];
    throw err;
  });
  const stacks: StackState[] = [];
  for (const project of projects.filter((entry) => entry.isDirectory())) {
    for (const file of (await fs.readdir(path.join(stacksDir, project.name))).sort()) {
      const stack = STATE_FILE.exec(file)?.[1];
      if (!stack) continue;
      stacks.push({
        project: project.name,
        stack,
        locked: await fileBackendLocked(root, project.name, stack),
        deployment: await readStateFile(path.join(stacksDir, project.name, file)),
      });
    }
  }
  return stacks;
}

export async function readFileBackends(dirs: string[]): Promise<StateSnapshot> {
  const stacks = (await Promise.all(dirs.map(readFileBackend))).flat();
  return { source: `the file backend${dirs.length > 1 ? "s" : ""} ${dirs.map((d) => fileBackendRoot(d)).join(", ")}`, stacks };
}
