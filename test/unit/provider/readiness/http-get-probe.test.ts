import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as https from "https";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpGetProbe, type HttpGetTarget } from "../../../../provider/readiness/http-get-probe";

const signal = new AbortController().signal;
let seenHeaders: http.IncomingHttpHeaders = {};
const answer: http.RequestListener = (request, response) => {
  seenHeaders = request.headers;
  response.writeHead(Number(request.url?.slice(1)) || 200).end("body");
};

function listening(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

function selfSignedCertificate(): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-tls-"));
  try {
    const [key, cert] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
    execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=berth-test", "-days", "1", "-keyout", key, "-out", cert], { stdio: "ignore" });
    return { key: fs.readFileSync(key, "utf8"), cert: fs.readFileSync(cert, "utf8") };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const plain = http.createServer(answer);
const tls = https.createServer(selfSignedCertificate(), answer);
let plainPort: number;
let tlsPort: number;

beforeAll(async () => {
  [plainPort, tlsPort] = await Promise.all([listening(plain), listening(tls)]);
});
afterAll(() => {
  plain.close();
  tls.close();
});

const probe = (target: Partial<HttpGetTarget>) => new HttpGetProbe({ address: "127.0.0.1", port: plainPort, path: "/", scheme: "HTTP", headers: [], ...target });

describe("HttpGetProbe", () => {
  it.each([200, 204, 301, 302, 399])("is ready on HTTP %i", async (status) => {
    await expect(probe({ path: `/${status}` }).check(signal)).resolves.toBeUndefined();
  });

  it.each([400, 404, 500, 503])("is not ready on HTTP %i", async (status) => {
    await expect(probe({ path: `/${status}` }).check(signal)).rejects.toThrow(`HTTP ${status}`);
  });

  it("sends the configured headers", async () => {
    await probe({ headers: [{ name: "X-Probe", value: "berth" }, { name: "Authorization", value: "Bearer t" }] }).check(signal);
    expect(seenHeaders).toMatchObject({ "x-probe": "berth", authorization: "Bearer t" });
  });

  it("accepts a self-signed certificate over HTTPS", async () => {
    await expect(probe({ scheme: "HTTPS", port: tlsPort, path: "/200" }).check(signal)).resolves.toBeUndefined();
  });

  it("says so when nothing listens", async () => {
    const closed = http.createServer();
    const port = await listening(closed);
    await new Promise((resolve) => closed.close(resolve));
    await expect(probe({ port }).check(signal)).rejects.toThrow("connection refused");
  });

  it("says so when the connection is dropped without an answer, as Docker's port proxy does", async () => {
    const dropping = http.createServer((request) => request.socket.destroy());
    const port = await listening(dropping);
    try {
      await expect(probe({ port }).check(signal)).rejects.toThrow("connection closed without an answer");
    } finally {
      dropping.close();
    }
  });

  it("stops when its signal aborts", async () => {
    const silent = http.createServer(() => undefined);
    const port = await listening(silent);
    try {
      const controller = new AbortController();
      const check = probe({ port }).check(controller.signal);
      controller.abort();
      await expect(check).rejects.toThrow();
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
