import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as jobs from "../../../provider/job/job-hooks";
import { defaultHostUrl, sweep, testDocker, uniqueProject } from "../../support/docker";
import { writeFileBackend } from "./file-backend";
import { runCli } from "./run-cli";

// A Job that has finished keeps its container, stopped, until its next run: `berth logs` reads it and gc leaves it alone.
const LOCAL = defaultHostUrl();
const docker = testDocker();
const project = uniqueProject("it-cli-job");
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-job-state-"));
let job: { id: string; outs: Record<string, unknown> };

beforeAll(async () => {
  const { inputs } = await jobs.check({}, { host: { url: LOCAL }, owner: { project, stack: "test", resource: "migrate" }, image: "berth.local/busybox:latest", command: ["sh", "-c", "echo step 1; echo warning >&2; echo step 2"] });
  const created = await jobs.create(inputs as Record<string, unknown>);
  job = { id: created.id!, outs: created.outs };
});

afterAll(async () => {
  await sweep(docker, project);
  fs.rmSync(stateDir, { recursive: true, force: true });
});

describe("a finished Job's logs", () => {
  it("are read by `berth logs` after the job completed", async () => {
    expect(await runCli(["logs", "migrate", "--project", project, "--host", LOCAL])).toEqual({ code: 0, stdout: "migrate | step 1\nmigrate | step 2\n", stderr: "migrate | warning\n" });
    const ps = await runCli(["ps", "--project", project, "--host", LOCAL]);
    expect(ps.stdout).toMatch(new RegExp(`migrate +job +.*${job.outs.containerName} +berth.local/busybox:latest +Exited \\(0\\) `));
  });

  it("stay while the stack's state references the job, and go with gc once it does not", async () => {
    writeFileBackend(stateDir, project, "test", [{ type: "Job", name: "migrate", id: job.id, outputs: job.outs }]);
    const referenced = await runCli(["gc", "--dry-run", "--project", project, "--host", LOCAL, "--state-dir", stateDir]);
    expect(referenced.code).toBe(0);
    expect(referenced.stdout).toContain("No orphans: stack state references all 1 berth objects found.");

    writeFileBackend(stateDir, project, "test", []);
    const orphaned = await runCli(["gc", "--dry-run", "--project", project, "--host", LOCAL, "--state-dir", stateDir]);
    expect(orphaned.stdout).toMatch(new RegExp(`would remove .*${job.outs.containerName}`));
  });

  it("are gone once the job is destroyed", async () => {
    await jobs.delete(job.id, job.outs);
    const { code, stderr } = await runCli(["logs", "migrate", "--project", project, "--host", LOCAL]);
    expect(code).toBe(1);
    expect(stderr).toBe(`berth logs: no resource named \`migrate\` in project \`${project}\` on ${LOCAL}; there are no berth containers there\n`);
  });
});
