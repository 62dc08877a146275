import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as hooks from "../../../provider/deployment/deployment-hooks";
import { log } from "../../../provider/log";
import { berthObjects, extraHostUrls, sweep, testDocker, uniqueProject } from "../../support/docker";
import { failureAfter } from "../../support/fault";
import { ensureLargeImage } from "../../support/large-image";
import { TestRegistry, untag } from "../../support/registry";
import { literally } from "../../support/regexp";

const PORT = 5320;
const MiB = 1024 * 1024;
// The daemon retries a failed layer download 5 times, 5 to 20 s apart: about 73 s measured here.
const FAILURE_BOUND_MS = 100_000;
const project = uniqueProject("it-registry-killed");
const registry = TestRegistry.own(`faults-${process.pid}`, PORT);
let url: string;
let reference: string;

beforeAll(() => {
  url = extraHostUrls()[0];
  reference = registry.push(ensureLargeImage(100), "team/large:1");
  untag(reference, [url]);
});

afterAll(async () => {
  await sweep(testDocker(url), project);
  untag(reference, [url]);
  registry.dispose();
});

describe("the registry killed in the middle of a pull", () => {
  it("fails the create naming the registry within a bound, leaves nothing, and the next create converges once it is back", { timeout: FAILURE_BOUND_MS + 60_000 }, async () => {
    const { inputs } = await hooks.check({}, {
      host: { url },
      owner: { project, stack: "test", resource: "app" },
      image: reference,
      registryAuth: { serverAddress: registry.address, username: registry.username, password: registry.password() },
      command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"],
      stopGracePeriodSeconds: 0,
    });
    // Progress goes to the debug log outside `pulumi up`: read it there.
    const said = vi.spyOn(log, "provider");
    const creating = hooks.create(inputs as Record<string, unknown>).catch((e: Error) => e);
    await registry.servedAtLeast(MiB);
    const { error, surfacedMs } = await failureAfter("registry killed mid-pull", () => registry.kill(), creating);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toContain(`Deployment "app" on host ${url}`);
    expect(String(error)).toContain(`could not pull image "${reference}"`);
    expect(String(error)).toContain(`${registry.address}: connect: connection refused`);
    expect(String(error)).not.toContain(registry.password());
    expect(surfacedMs).toBeLessThan(FAILURE_BOUND_MS);
    // The daemon's retries show in the pull's progress rather than a frozen byte count.
    const messages = said.mock.calls.map(([line]) => String(line));
    said.mockRestore();
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^Deployment "app": pulling ${literally(reference)}: .*a layer download failed: the daemon retries in \\d+ s$`)));
    expect(await berthObjects(testDocker(url), project)).toEqual({ containers: [], volumes: [] });
    await expect(testDocker(url).getImage(reference).inspect()).rejects.toMatchObject({ statusCode: 404 });

    registry.restart(PORT);
    const { id, outs } = await hooks.create(inputs as Record<string, unknown>);
    const containers = await testDocker(url).listContainers({ all: true, filters: { label: [`dev.berth.project=${project}`] } });
    expect(containers.map((c) => [c.Id, c.State])).toEqual([[id, "running"]]);
    expect(outs.imageId).toBe((await testDocker(url).getImage(reference).inspect()).Id);
    await hooks.delete(id, outs);
    expect(await berthObjects(testDocker(url), project)).toEqual({ containers: [], volumes: [] });
  });
});
