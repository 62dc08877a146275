import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { berthObjects, extraHostUrls, testDocker } from "../support/docker";
import { ensureLargeImage } from "../support/large-image";
import { PulumiProgram } from "../support/pulumi-program";
import { TestRegistry, untag } from "../support/registry";
import { literally } from "../support/regexp";

const hosts = extraHostUrls();
const registry = TestRegistry.shared();
const program = new PulumiProgram("test/e2e/programs/pull-progress");
let reference: string;

beforeAll(() => {
  reference = registry.push(ensureLargeImage(), `team/large-progress-${process.pid}:1`);
  untag(reference, hosts);
});

afterAll(async () => {
  await program.dispose();
  untag(reference, hosts);
  registry.dispose();
});

describe("what `pulumi up` shows while hosts pull a large image", () => {
  it("shows each host's pull in the live view, named by resource and host: layers done and MiB downloaded", { timeout: 300_000 }, async () => {
    await program.init({ hosts: JSON.stringify(hosts), image: reference, registry: registry.address, containerName: `${program.project}-node` }, { registryPassword: registry.password() });
    const screen = await program.upInTerminal();
    for (const host of hosts) {
      expect(screen).toMatch(new RegExp(`PersistentContainer "node" on ${literally(host)}: pulling ${literally(reference)}: \\d of \\d layers done, [\\d.]+ of [\\d.]+ MiB downloaded`));
    }
    expect(screen).not.toContain(registry.password());

    await program.destroy();
    for (const host of hosts) expect(await berthObjects(testDocker(host), program.project)).toEqual({ containers: [], volumes: [] });
  });
});
