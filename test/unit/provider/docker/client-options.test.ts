import * as fs from "fs";
import * as http from "http";
import * as https from "https";
import * as os from "os";
import * as path from "path";
import { inspect } from "util";
import Docker from "dockerode";
import { afterEach, describe, expect, it } from "vitest";
import { dockerClientOptions } from "../../../../provider/docker/client-options";

const tls = { ca: "CA-PEM", cert: "CERT-PEM", key: "KEY-PEM" };

describe("dockerClientOptions", () => {
  it.each([
    ["unix:///var/run/docker.sock", undefined, { socketPath: "/var/run/docker.sock", protocol: "http", host: undefined }],
    ["unix:///run/berth-hosts/h1/docker.sock", undefined, { socketPath: "/run/berth-hosts/h1/docker.sock" }],
    ["tcp://10.0.0.5:2375", undefined, { host: "10.0.0.5", port: "2375", protocol: "http", ca: undefined }],
    ["tcp://gpu-01:2376", tls, { host: "gpu-01", port: "2376", protocol: "https", ca: "CA-PEM", cert: "CERT-PEM", key: "KEY-PEM" }],
    // Plain HTTP through an agent that tunnels over SSH: docker-modem's own ssh: URLs make Node warn.
    ["ssh://ops@gpu-02", undefined, { protocol: "http", host: "gpu-02", port: "22", socketPath: undefined, sshOptions: undefined }],
    ["ssh://ops@gpu-02:2222", undefined, { protocol: "http", port: "2222" }],
  ] as const)("maps %s", (url, material, expected) => {
    const options = dockerClientOptions({ url }, material, {});
    expect(options).toMatchObject(expected);
    // docker-modem's timer would run until the answer, cutting every stop longer than it.
    expect((options as { connectionTimeout?: number }).connectionTimeout).toBeUndefined();
    expect(options.timeout).toBeUndefined();
  });

  it.each([
    ["unix:///var/run/docker.sock", undefined, http.Agent, false],
    ["tcp://10.0.0.5:2375", undefined, http.Agent, true],
    ["tcp://gpu-01:2376", tls, https.Agent, true],
    ["ssh://ops@gpu-02", undefined, http.Agent, true],
  ] as const)("gives %s an agent that bounds connecting and is cheap to inspect", (url, material, kind, pooled) => {
    const options = dockerClientOptions({ url }, material, {});
    expect(options.agent).toBeInstanceOf(kind);
    // A new connection per request to a local socket; pooled TCP and TLS connections.
    expect((options.agent as { keepAlive?: boolean } | undefined)?.keepAlive).toBe(pooled);
    // docker-modem inspects every request's options this way, debug log on or off.
    expect(inspect(options, { showHidden: true, depth: null }).length).toBeLessThan(1_000);
  });

  describe("the environment does not leak into explicit options", () => {
    const saved = { ...process.env };
    afterEach(() => {
      process.env = { ...saved };
    });

    it("ignores DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH when building a client", () => {
      const certs = fs.mkdtempSync(path.join(os.tmpdir(), "berth-certs-"));
      for (const f of ["ca.pem", "cert.pem", "key.pem"]) fs.writeFileSync(path.join(certs, f), `-----BEGIN CERTIFICATE-----\nENV-${f}\n-----END CERTIFICATE-----\n`);
      process.env.DOCKER_HOST = "tcp://elsewhere:2376";
      process.env.DOCKER_TLS_VERIFY = "1";
      process.env.DOCKER_CERT_PATH = certs;

      const unixModem = new Docker(dockerClientOptions({ url: "unix:///var/run/docker.sock" }, undefined, {})).modem as any;
      expect(unixModem.socketPath).toBe("/var/run/docker.sock");
      expect(unixModem.host).toBeUndefined();
      expect(unixModem.protocol).toBe("http");
      expect(unixModem.ca).toBeUndefined();
      expect(unixModem.key).toBeUndefined();

      const tcpModem = new Docker(dockerClientOptions({ url: "tcp://build:2375" }, undefined, {})).modem as any;
      expect(tcpModem.host).toBe("build");
      expect(tcpModem.port).toBe("2375");
      expect(tcpModem.protocol).toBe("http");
      expect(tcpModem.cert).toBeUndefined();
    });
  });
});
