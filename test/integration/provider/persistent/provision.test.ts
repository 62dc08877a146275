import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupScriptSchema } from "../../../../provider/persistent/persistent-container-schema";
import { provision } from "../../../../provider/persistent/provision";
import { redactor } from "../../../../provider/redaction";
import { setupScriptSource } from "../../../../provider/persistent/setup-script-source";
import { defaultHostUrl, sweep, testDocker, uniqueProject } from "../../../support/docker";

const project = uniqueProject("it-provision");
const docker = testDocker(defaultHostUrl());
let containerId: string;
let scriptDir: string;

beforeAll(async () => {
  scriptDir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-provision-"));
  const container = await docker.createContainer({
    Image: "berth.local/busybox:latest",
    Cmd: ["sleep", "300"],
    Labels: { "dev.berth.managed-by": "berth", "dev.berth.project": project },
  });
  await container.start();
  containerId = container.id;
});

afterAll(() => sweep(docker, project));

describe("provisioning one container", () => {
  it("tells, while the script runs, how long it has run and its last line of output, secrets redacted", async () => {
    const file = path.join(scriptDir, "setup.sh");
    // Two heartbeats' time, so that a loaded machine still sees one.
    fs.writeFileSync(file, "echo fetching weights with tok-2718\nsleep 4.5\necho done\n");
    const script = setupScriptSchema.parse({ ...setupScriptSource({ path: file }), timeoutSeconds: 60 });
    const said: string[] = [];
    const progress = { report: (message: string) => said.push(message), redact: redactor(["tok-2718"]) };
    const result = await provision(docker, containerId, script, fs.readFileSync(file), progress);
    expect(result.exitCode).toBe(0);
    expect(said[0]).toBe(`running the setup script (sha256 ${script.sha256!.slice(0, 12)}, up to 60 s)`);
    expect(said.slice(1).length).toBeGreaterThanOrEqual(1);
    for (const message of said.slice(1)) expect(message).toMatch(/^running the setup script: \d+ s of up to 60 s, last output: (fetching weights with \[secret\]|done)$/);
    expect(said[1]).toContain("last output: fetching weights with [secret]");
  });
});
