import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProgram } from "../support/pulumi-program";
import { TlsHost } from "../support/tls-host";

const host = new TlsHost(8);
const program = new PulumiProgram("test/e2e/programs/tls");

beforeAll(() => host.start());
afterAll(async () => {
  await program.dispose();
  host.stop();
});

describe("TLS material through the real Pulumi CLI", () => {
  it("reaches a tcp:// host with --tlsverify and never appears in state or previews", async () => {
    const { ca, cert, key } = host.clientPem();
    await program.init({ hostUrl: host.url }, { ca, cert, key });
    const up = await program.up();
    expect((await program.outputs()).volumeName).toMatch(/-data-/);
    const keyBody = key.split("\n")[1];
    expect(await program.ok(["stack", "export"])).not.toContain(keyBody);
    expect(up).not.toContain(keyBody);
    expect(await program.previewDiff()).not.toContain(keyBody);
    await program.destroy();
  });
});
