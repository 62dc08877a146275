import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const EXECUTABLE = process.platform === "win32" ? "pulumi.exe" : "pulumi";

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Where Pulumi's installer (`curl -fsSL https://get.pulumi.com | sh`) puts the CLI: `~/.pulumi/bin`. */
export function pulumiInstallDir(env: NodeJS.ProcessEnv): string {
  return path.join(env.HOME || os.homedir(), ".pulumi", "bin");
}

/**
 * The Pulumi CLI the user's shell would run: the first `pulumi` on PATH, else
 * the one in Pulumi's standard install folder, which the installer adds to
 * PATH only in shell start-up files that an IDE, cron or a CI step may never
 * read.
 */
export function findPulumi(env: NodeJS.ProcessEnv): string {
  const dirs = (env.PATH ?? "").split(path.delimiter).filter(Boolean);
  const found = [...dirs, pulumiInstallDir(env)].map((dir) => path.join(dir, EXECUTABLE)).find(isExecutable);
  if (found) return found;
  throw new Error(
    `the Pulumi CLI (\`${EXECUTABLE}\`) is neither on PATH nor in ${pulumiInstallDir(env)}; install it (\`curl -fsSL https://get.pulumi.com | sh\`, ` +
      "see https://www.pulumi.com/docs/install/) or add the folder that holds it to PATH, or read a file backend directly with `--state-dir`",
  );
}
