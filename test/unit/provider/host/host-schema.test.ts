import { describe, expect, it } from "vitest";
import { hostInputSchema, hostTlsSchema, probeAddress } from "../../../../provider/host/host-schema";

describe("host URLs", () => {
  it.each([
    "unix:///var/run/docker.sock",
    "tcp://10.1.2.3:2376",
    "tcp://gpu-01.example:2375",
    "ssh://ops@gpu-01",
    "ssh://gpu-01:2222",
  ])("accepts %s", (url) => {
    expect(hostInputSchema.safeParse(url).success).toBe(true);
  });

  it.each([
    ["http://localhost:2375", "wrong scheme"],
    ["tcp://gpu-01", "tcp without a port"],
    ["unix://", "unix without a path"],
    ["ssh://ops@gpu-01/var/run", "ssh with a path"],
    ["/var/run/docker.sock", "a bare path"],
    ["", "empty"],
  ])("rejects %s (%s) and says what to write", (url) => {
    const result = hostInputSchema.safeParse(url);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toContain("unix:///var/run/docker.sock");
  });

  it("rejects a port range whose start is above its end", () => {
    const result = hostInputSchema.safeParse({ url: "unix:///var/run/docker.sock", portRange: { from: 31000, to: 30000 } });
    expect(result.error!.issues[0].message).toContain("`from` must not be above `to`");
  });

  it("requires all three PEM parts or a certificate directory", () => {
    expect(hostTlsSchema.safeParse({ ca: "x", cert: "y" }).error!.issues[0].message).toContain("needs `ca`, `cert` and `key`");
    expect(hostTlsSchema.safeParse({ certPath: "/etc/docker/certs" }).success).toBe(true);
  });
});

describe("probeAddress", () => {
  it.each([
    [{ url: "unix:///var/run/docker.sock" }, "127.0.0.1"],
    [{ url: "tcp://10.1.2.3:2376" }, "10.1.2.3"],
    [{ url: "ssh://ops@gpu-01" }, "gpu-01"],
    [{ url: "tcp://10.1.2.3:2376", probeAddress: "gpu-01.internal" }, "gpu-01.internal"],
  ])("for %j is %s", (host, expected) => {
    expect(probeAddress(host)).toBe(expected);
  });
});
