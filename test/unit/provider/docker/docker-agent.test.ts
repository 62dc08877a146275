import * as http from "http";
import * as https from "https";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { afterEach, describe, expect, it } from "vitest";
import { dockerAgent } from "../../../../provider/docker/docker-agent";

const servers: net.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function listen(server: net.Server): Promise<string> {
  const socket = path.join(os.tmpdir(), `berth-agent-${process.pid}-${servers.length}.sock`);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return socket;
}

function get(agent: http.Agent, socketPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ socketPath, path: "/", agent }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk)).on("end", () => resolve(body));
      })
      .on("error", reject);
  });
}

describe("dockerAgent", () => {
  it("bounds connecting only: an answer that comes long after the connect timeout arrives", async () => {
    // As a stop does: Docker answers once the grace period is over.
    const socket = await listen(http.createServer((_req, res) => setTimeout(() => res.end("stopped"), 600)));
    const started = Date.now();
    await expect(get(dockerAgent("unix", 100), socket)).resolves.toBe("stopped");
    expect(Date.now() - started).toBeGreaterThanOrEqual(590);
  });

  it("fails a TLS handshake that never completes at the connect timeout, saying so", async () => {
    const socket = await listen(net.createServer(() => undefined));
    const started = Date.now();
    const request = new Promise((resolve, reject) => https.get({ socketPath: socket, path: "/", agent: dockerAgent("tls", 150) }, resolve).on("error", reject));
    await expect(request).rejects.toThrow("could not connect within 150 ms");
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
