import { createHash } from "crypto";
import * as fs from "fs";
import type Docker from "dockerode";
import { execInContainer } from "../docker/exec";
import { isNotFound } from "../docker/errors";
import { firstFileContent, tarFile } from "../docker/tar";
import { HEARTBEAT_MS, lastOutputLine, runningFor } from "../progress";
import { setupScriptFile } from "./setup-script-source";
import { SETUP_SCRIPT_MAX_BYTES, type PersistentContainerProps } from "./persistent-container-schema";

const SCRIPT_NAME = ".berth-setup.sh";
const MARKER_NAME = ".berth-setup.sha256";

export type SetupScript = NonNullable<PersistentContainerProps["setupScript"]>;

/**
 * Reads the script and checks it is the one the program hashed: a script
 * edited between preview and `up` must not run unseen.
 */
export function readSetupScript(script: SetupScript): Buffer {
  const file = setupScriptFile(script);
  const size = fs.statSync(file).size;
  if (size > SETUP_SCRIPT_MAX_BYTES) {
    throw new Error(`\`setupScript\` ${file} is ${size} bytes, over the ${SETUP_SCRIPT_MAX_BYTES}-byte limit; move the work into the image`);
  }
  const body = fs.readFileSync(file);
  const sha256 = createHash("sha256").update(body).digest("hex");
  if (sha256 !== script.sha256) {
    throw new Error(`\`setupScript\` ${script.path} changed since the program read it (sha256 ${sha256.slice(0, 12)}, expected ${script.sha256.slice(0, 12)}); run \`pulumi up\` again`);
  }
  return body;
}

export interface ProvisionResult {
  exitCode: number;
  output: string;
}

/** Where a provisioning run reports how it is going, and how secrets are kept out of what it says. */
export interface ProvisionProgress {
  report: (message: string) => void;
  redact: (text: string) => string;
}

/**
 * Delivers the script through Docker's archive upload (no base64 or quoting
 * through exec), runs it with errexit — and pipefail where the shell has it —
 * and on success writes the marker holding the script's sha256. While it
 * runs, it reports how long it has run and its last line of output.
 */
export async function provision(docker: Docker, containerId: string, script: SetupScript, body: Buffer, progress: ProvisionProgress): Promise<ProvisionResult> {
  const container = docker.getContainer(containerId);
  await container.putArchive(tarFile(SCRIPT_NAME, body, 0o755), { path: "/" });
  const runner = `set -e; if (set -o pipefail) 2>/dev/null; then set -o pipefail; fi; . /${SCRIPT_NAME}`;
  progress.report(`running the setup script (sha256 ${script.sha256.slice(0, 12)}, up to ${script.timeoutSeconds} s)`);
  const result = await execInContainer(docker, containerId, [script.shell, "-c", runner], script.timeoutSeconds * 1000, {
    heartbeat: {
      everyMs: HEARTBEAT_MS,
      beat: (elapsedMs, output) =>
        progress.report(runningFor("running the setup script", elapsedMs, script.timeoutSeconds, { label: "last output", text: lastOutputLine(output, progress.redact) })),
    },
  });
  if (result.exitCode === 0) await container.putArchive(tarFile(MARKER_NAME, Buffer.from(`${script.sha256}\n`)), { path: "/" });
  return result;
}

/** The sha256 of the script a container was provisioned with, or undefined if it never was. */
export async function provisionedSha256(docker: Docker, containerId: string): Promise<string | undefined> {
  try {
    const archive = await docker.getContainer(containerId).getArchive({ path: `/${MARKER_NAME}` });
    const chunks: Buffer[] = [];
    for await (const chunk of archive as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
    return firstFileContent(Buffer.concat(chunks))?.toString("utf8").trim();
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}
