import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPulumi } from "../../../cli/state/pulumi-binary";
import { defaultHostUrl, sweep, testDocker, uniqueProject } from "../../support/docker";
import { writeFileBackend } from "./file-backend";
import { labelledContainer, runCli } from "./run-cli";

// gc run the way a user runs it: `pulumi` found as their shell finds it, not because a script put it on PATH.
const REPO = path.resolve(__dirname, "../../..");
const LOCAL = defaultHostUrl();
const project = uniqueProject("it-cli-pulumi");
const docker = testDocker();
const root = fs.mkdtempSync(path.join(os.tmpdir(), "berth-pulumi-"));
const backend = path.join(root, "backend");
let orphan: string;

/** The repository's cached Pulumi CLI, as scripts/env.sh puts it on PATH. */
const cachedPulumi = execFileSync("bash", ["-c", 'source "$0/scripts/env.sh" && command -v pulumi', REPO], { encoding: "utf8" }).trim();
/** PATH without any folder that holds a `pulumi`. */
const barePath = (process.env.PATH ?? "")
  .split(path.delimiter)
  .filter((dir) => dir && !fs.existsSync(path.join(dir, "pulumi")))
  .join(path.delimiter);

function env(home: string): NodeJS.ProcessEnv {
  const { PULUMI_ACCESS_TOKEN: _token, ...rest } = process.env;
  return { ...rest, PATH: barePath, HOME: home, PULUMI_HOME: path.join(root, "pulumi-home"), PULUMI_BACKEND_URL: `file://${backend}`, PULUMI_SKIP_UPDATE_CHECK: "true", NO_COLOR: "" };
}

beforeAll(async () => {
  orphan = (await labelledContainer(docker, { project, resource: "old", start: false })).Name.slice(1);
  writeFileBackend(backend, project, "test", []);
});

afterAll(async () => {
  await sweep(docker, project);
  fs.rmSync(root, { recursive: true, force: true });
});

const gcArgs = ["gc", "--dry-run", "--project", project, "--host", LOCAL];

describe("finding the Pulumi CLI", () => {
  it("uses ~/.pulumi/bin, where Pulumi's installer puts it, when PATH has none", async () => {
    const home = path.join(root, "installed");
    fs.mkdirSync(path.join(home, ".pulumi", "bin"), { recursive: true });
    fs.symlinkSync(cachedPulumi, path.join(home, ".pulumi", "bin", "pulumi"));
    const { code, stdout, stderr } = await runCli(gcArgs, { env: env(home) });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(`Read 1 stack from the Pulumi CLI's backend file://${backend}.`);
    expect(stdout).toMatch(new RegExp(`would remove .*${orphan}`));
  }, 60_000);

  it("says how to install Pulumi or set PATH when it finds none, and removes nothing", async () => {
    const home = path.join(root, "no-pulumi");
    fs.mkdirSync(home);
    const { code, stdout, stderr } = await runCli(["gc", "--project", project, "--host", LOCAL], { env: env(home) });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `berth gc: cannot read stack state, so nothing was removed: the Pulumi CLI (\`pulumi\`) is neither on PATH nor in ${home}/.pulumi/bin; ` +
        "install it (`curl -fsSL https://get.pulumi.com | sh`, see https://www.pulumi.com/docs/install/) or add the folder that holds it to PATH, " +
        "or read a file backend directly with `--state-dir`\n",
    );
    expect((await docker.listContainers({ all: true, filters: { label: [`dev.berth.project=${project}`] } })).map((c) => c.Names[0])).toEqual([`/${orphan}`]);
  });

  it("`npm run berth -- gc` in this repository uses its cached CLI without sourcing scripts/env.sh", async () => {
    const userEnv = { ...env(process.env.HOME ?? os.homedir()), npm_config_loglevel: "silent" };
    // Otherwise the run below would prove nothing: the user's own shell could not find `pulumi`.
    expect(() => findPulumi(userEnv)).toThrow("neither on PATH");
    const { stdout } = await promisify(execFile)("npm", ["run", "--silent", "berth", "--", ...gcArgs], { cwd: REPO, env: userEnv });
    expect(stdout).toContain(`Read 1 stack from the Pulumi CLI's backend file://${backend}.`);
    expect(stdout).toMatch(new RegExp(`would remove .*${orphan}`));
  }, 60_000);
});
