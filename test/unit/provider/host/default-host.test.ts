import { describe, expect, it } from "vitest";
import { defaultHost } from "../../../../provider/host/default-host";

describe("defaultHost", () => {
  it.each([
    [{}, { url: "unix:///var/run/docker.sock" }],
    [{ DOCKER_HOST: "unix:///run/h1.sock" }, { url: "unix:///run/h1.sock" }],
    [{ DOCKER_HOST: "tcp://gpu-01:2376" }, { url: "tcp://gpu-01:2376" }],
    [{ DOCKER_HOST: "tcp://gpu-01:2376", DOCKER_TLS_VERIFY: "1", DOCKER_CERT_PATH: "/certs" }, { url: "tcp://gpu-01:2376", tls: { certPath: "/certs" } }],
    [{ DOCKER_HOST: "unix:///run/h1.sock", DOCKER_TLS_VERIFY: "1", DOCKER_CERT_PATH: "/certs" }, { url: "unix:///run/h1.sock" }],
  ])("from %j", (env, expected) => {
    expect(defaultHost(env)).toEqual(expected);
  });
});
