import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { berthObjects, sweep, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";

const docker = testDocker();
const program = new PulumiProgram("test/e2e/programs/deployment");
const TOKEN = "s3cr3t-token-value";
const REGISTRY_PASSWORD = "r3gistry-pa55word";
let firstUp = "";
const DEPLOYMENT = "pulumi-nodejs:dynamic/berth:Deployment";

async function httpOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  await program.init({}, { token: TOKEN, registryPassword: REGISTRY_PASSWORD });
  firstUp = await program.ok(["up", "--yes", "--skip-preview", "--non-interactive"], { DEBUG: "berth:*" });
});

afterAll(async () => {
  await program.dispose();
  await sweep(docker, program.project);
});

describe("Deployment through the real Pulumi CLI", () => {
  it("serves its endpoint once `up` returns and keeps the secret env value encrypted in state", async () => {
    const { endpoint, containerId } = await program.outputs();
    expect(await httpOk(endpoint)).toBe(true);
    const info = await docker.getContainer(containerId).inspect();
    expect(info.Config.Labels).toMatchObject({ "dev.berth.project": program.project, "dev.berth.resource": "web", tier: "web" });
    const exported = await program.ok(["stack", "export"]);
    expect(exported).not.toContain(TOKEN);
    expect(exported).not.toContain(REGISTRY_PASSWORD);
  });

  it("keeps secrets out of berth's DEBUG output", async () => {
    expect(firstUp).toMatch(/berth:(provider|readiness|docker)/);
    expect(firstUp).not.toContain(TOKEN);
    expect(firstUp).not.toContain(REGISTRY_PASSWORD);
  });

  it("shows no changes in a preview right after `up` (image tag, env order, labels, ports without host ports)", async () => {
    const preview = await program.previewJson();
    expect(preview.steps.filter((s) => s.op !== "same")).toEqual([]);
  });

  it("updates the restart policy in place: same container", async () => {
    const before = (await program.outputs()).containerId;
    await program.setConfig("restart", "no");
    const preview = await program.previewJson();
    expect(preview.steps.find((s) => s.urn.endsWith("::web"))!.op).toBe("update");
    const text = await program.previewDiff();
    expect(text).toMatch(/~\s*pulumi-nodejs:dynamic\/berth:Deployment: \(update\)/);
    expect(text).toMatch(/~ restart\s*: "always" => "no"/);
    await program.up();
    const after = await program.outputs();
    expect(after.containerId).toBe(before);
    expect((await docker.getContainer(before).inspect()).HostConfig.RestartPolicy?.Name).toBe("no");
  });

  it("replaces on an env change with zero downtime: the old endpoint answers until the new one is ready", async () => {
    const old = await program.outputs();
    await program.setConfig("greeting", "bonjour");
    const diffText = await program.previewDiff();
    expect(diffText).toMatch(/\+-\s*pulumi-nodejs:dynamic\/berth:Deployment: \(replace\)/);
    expect(diffText).toMatch(/GREETING\s*: "hello" => "bonjour"/);
    expect(diffText).not.toContain(TOKEN);

    const failures: number[] = [];
    let newAnsweredAt = Number.POSITIVE_INFINITY;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const t = Date.now();
        if (!(await httpOk(old.endpoint))) failures.push(t);
        const containers = await docker.listContainers({ filters: { label: [`dev.berth.project=${program.project}`] } });
        if (newAnsweredAt === Infinity && containers.some((c) => c.Id !== old.containerId && c.State === "running")) {
          const fresh = containers.find((c) => c.Id !== old.containerId)!;
          const port = fresh.Ports.find((p) => p.PrivatePort === 80)?.PublicPort;
          if (port && (await httpOk(`http://127.0.0.1:${port}/`))) newAnsweredAt = Date.now();
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    await program.up();
    polling = false;
    await poller;

    const now = await program.outputs();
    expect(now.containerId).not.toBe(old.containerId);
    expect(now.endpoint).not.toBe(old.endpoint);
    expect(await httpOk(now.endpoint)).toBe(true);
    expect(newAnsweredAt).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(failures.filter((t) => t < newAnsweredAt)).toEqual([]);
    await expect(docker.getContainer(old.containerId).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it("shows an added port as the port path and a replacement", async () => {
    await program.setConfig("extraPort", "true");
    const preview = await program.previewJson();
    const step = preview.steps.find((s) => s.urn.endsWith("::web"))!;
    expect(step.op).toBe("replace");
    expect(step.replaceReasons).toEqual(["ports"]);
    expect(await program.previewDiff()).toMatch(/ports\s*:\s*\[/);
    await program.setConfig("extraPort", "false");
  });

  it("restarts a container stopped behind its back in place, and recreates one removed behind its back", async () => {
    const { containerId } = await program.outputs();
    await docker.getContainer(containerId).stop({ t: 0 });
    await program.refresh();
    const preview = await program.previewJson();
    expect(preview.steps.find((s) => s.urn.endsWith("::web"))!.op).toBe("update");
    expect(await program.previewDiff()).toMatch(/~ running\s*: false => true/);
    await program.up();
    const restarted = await program.outputs();
    expect(restarted.containerId).toBe(containerId);
    expect(await httpOk(restarted.endpoint)).toBe(true);
    expect(await program.ok(["stack", "export"])).not.toContain(TOKEN);

    await docker.getContainer(containerId).remove({ force: true });
    await program.refresh();
    expect((await program.stateResources()).some((r) => r.type === DEPLOYMENT)).toBe(false);
    await program.up();
    const recreated = await program.outputs();
    expect(recreated.containerId).not.toBe(containerId);
    expect(await httpOk(recreated.endpoint)).toBe(true);
  });

  it("leaves nothing labelled by berth after destroy", async () => {
    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  });
});

