import * as net from "net";
import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../../../../provider/readiness";
import { TcpSocketProbe } from "../../../../provider/readiness/tcp-socket-probe";

const signal = new AbortController().signal;
const servers: net.Server[] = [];

function serve(onConnection: (socket: net.Socket) => void): Promise<number> {
  const server = net.createServer(onConnection);
  servers.push(server);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)));
}

afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

const probe = (port: number) => new TcpSocketProbe("127.0.0.1", port, systemClock);

describe("TcpSocketProbe", () => {
  it("describes its target", () => {
    expect(probe(5432).describe()).toBe("tcp://127.0.0.1:5432");
  });

  it("is ready when a server accepts and keeps the connection", async () => {
    const held: net.Socket[] = [];
    const port = await serve((socket) => held.push(socket));
    await expect(probe(port).check(signal)).resolves.toBeUndefined();
    for (const socket of held) socket.destroy();
  });

  it("is ready at once when the server greets first", async () => {
    const port = await serve((socket) => socket.end("220 ready\r\n"));
    const started = performance.now();
    await expect(probe(port).check(signal)).resolves.toBeUndefined();
    expect(performance.now() - started).toBeLessThan(40);
  });

  it("is not ready when the connection is closed at once, as Docker's port proxy does while nothing listens in the container", async () => {
    const port = await serve((socket) => socket.end());
    await expect(probe(port).check(signal)).rejects.toThrow("connection closed at once: nothing listens yet, or the app listens on 127.0.0.1 only instead of 0.0.0.0");
  });

  it("says so when nothing listens", async () => {
    const port = await serve(() => undefined);
    await new Promise((resolve) => servers.pop()?.close(resolve));
    await expect(probe(port).check(signal)).rejects.toThrow("connection refused");
  });
});
