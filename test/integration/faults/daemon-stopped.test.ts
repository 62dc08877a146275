import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as hooks from "../../../provider/deployment/deployment-hooks";
import { extraHostUrls, sweep, testDocker, uniqueProject } from "../../support/docker";

const ROOT = path.resolve(__dirname, "../../..");
const project = uniqueProject("it-fault");
let url: string;

/** Stops the second extra host's daemon as `systemctl stop docker` would, and waits until it is gone. */
async function stopDaemon(): Promise<void> {
  const pid = Number(fs.readFileSync("/run/berth-hosts/h2/dockerd.pid", "utf8"));
  process.kill(pid, "SIGTERM");
  const alive = () => /^State:\s+[^Z]/m.test(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  for (let i = 0; i < 400 && fs.existsSync(`/proc/${pid}`) && alive(); i++) await new Promise((r) => setTimeout(r, 50));
}

function startDaemons(): void {
  execFileSync("bash", [path.join(ROOT, "scripts/extra-hosts.sh"), "start", "2"], { stdio: "ignore" });
}

async function ours(): Promise<string[]> {
  return (await testDocker(url).listContainers({ all: true, filters: { label: [`dev.berth.project=${project}`] } })).map((c) => c.Id);
}

beforeAll(() => {
  url = extraHostUrls()[1];
});

afterAll(async () => {
  startDaemons();
  await sweep(testDocker(url), project);
});

describe("the daemon stopped in the middle of a create", () => {
  it("fails the create naming the host, and the next create converges on one container", async () => {
    const { inputs } = await hooks.check({}, {
      host: { url },
      owner: { project, stack: "test", resource: "web" },
      image: "berth.local/web:latest",
      command: ["sh", "-c", "sleep 4; exec httpd -f -p 80 -h /www"],
      ports: [{ containerPort: 80, name: "http" }],
      readiness: { httpGet: { port: "http" }, deadlineSeconds: 30 },
      stopGracePeriodSeconds: 0,
    });
    const creating = hooks.create(inputs as Record<string, unknown>).catch((e: Error) => e);
    for (let i = 0; i < 100 && (await ours()).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await stopDaemon();
    const error = await creating;
    expect(String(error)).toContain(`Deployment "web" on host ${url}`);

    startDaemons();
    const { id, outs } = await hooks.create(inputs as Record<string, unknown>);
    expect(await ours()).toEqual([id]);
    expect((await fetch(`${outs.endpoints.http}/`)).status).toBe(200);
    await hooks.delete(id, outs);
    expect(await ours()).toEqual([]);
  });
});
