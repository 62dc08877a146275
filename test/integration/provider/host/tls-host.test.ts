import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as volumes from "../../../../provider/volume/volume-hooks";
import { uniqueProject } from "../../../support/docker";
import { TlsHost } from "../../../support/tls-host";

const host = new TlsHost(9);
const project = uniqueProject("it-tls");

async function inputs(resource: string, hostTls?: Record<string, string>) {
  const result = await volumes.check({}, { host: { url: host.url }, ...(hostTls ? { hostTls } : {}), owner: { project, stack: "test", resource } });
  expect(result.failures).toEqual([]);
  return result.inputs as Record<string, unknown>;
}

beforeAll(() => host.start());
afterAll(() => host.stop());

describe("a tcp:// host with TLS", () => {
  it("works with the CA, client certificate and key given as PEM text", async () => {
    const { id, outs } = await volumes.create(await inputs("pem", host.clientPem()));
    expect(outs.volumeName).toBe(id);
    await volumes.delete(id, outs);
  });

  it("works with a certificate directory", async () => {
    const { id, outs } = await volumes.create(await inputs("dir", { certPath: host.certs }));
    await volumes.delete(id, outs);
  });

  it("verifies the daemon's certificate: another CA is refused", async () => {
    await expect(volumes.create(await inputs("wrong-ca", { ...host.clientPem(), ca: host.read("other-ca.pem") }))).rejects.toThrow(
      new RegExp(`Volume "wrong-ca" on host ${host.url.replace(/\./g, "\\.")}: could not inspect volume .*(certificate|self.signed|verify)`, "i"),
    );
  });

  it("refuses a client without a certificate", async () => {
    await expect(volumes.create(await inputs("plain"))).rejects.toThrow(`Volume "plain" on host ${host.url}`);
  });
});
