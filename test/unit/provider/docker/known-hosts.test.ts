import { execFileSync } from "child_process";
import { createHmac, randomBytes } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { hostKeyProblem, knownHostsName, sshFingerprint, sshKeyType } from "../../../../provider/docker/known-hosts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-known-hosts-"));
function keyPair(name: string): { line: string; blob: Buffer } {
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path.join(dir, name)]);
  const line = fs.readFileSync(path.join(dir, `${name}.pub`), "utf8").split(" ").slice(0, 2).join(" ");
  return { line, blob: Buffer.from(line.split(" ")[1], "base64") };
}
const hostKey = keyPair("host");
const otherKey = keyPair("other");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const known = (text: string) => [{ where: "known_hosts", text }];
const hashed = (name: string) => {
  const salt = randomBytes(20);
  return `|1|${salt.toString("base64")}|${createHmac("sha1", salt).update(name).digest("base64")}`;
};

describe("known_hosts checking", () => {
  it("names hosts as OpenSSH does: bare on port 22, bracketed with any other port, lower-cased", () => {
    expect(knownHostsName("GPU-01", 22)).toBe("gpu-01");
    expect(knownHostsName("127.0.0.1", 2222)).toBe("[127.0.0.1]:2222");
  });

  it("prints the fingerprint and type `ssh-keygen -l` prints", () => {
    const printed = execFileSync("ssh-keygen", ["-lf", path.join(dir, "host.pub")], { encoding: "utf8" }).split(" ");
    expect(sshFingerprint(hostKey.blob)).toBe(printed[1]);
    expect(sshKeyType(hostKey.blob)).toBe("ssh-ed25519");
  });

  it.each([
    ["a plain entry", `gpu-01 ${hostKey.line}`, "gpu-01"],
    ["one of several names", `build,gpu-01,10.0.0.5 ${hostKey.line}`, "gpu-01"],
    ["a bracketed port", `[gpu-01]:2222 ${hostKey.line}`, "[gpu-01]:2222"],
    ["a wildcard", `gpu-* ${hostKey.line}`, "gpu-01"],
    ["a hashed entry", `${hashed("[gpu-01]:2222")} ${hostKey.line}`, "[gpu-01]:2222"],
    ["an entry after comments, blank lines and another host", `# fleet\n\nbuild ${otherKey.line}\ngpu-01 ${hostKey.line}`, "gpu-01"],
  ])("accepts the key through %s", (_what, text, name) => {
    expect(hostKeyProblem(name, hostKey.blob, known(text))).toBeUndefined();
  });

  it.each([
    ["no entry", `build ${hostKey.line}`, "gpu-01", /is in no known_hosts entry \(searched: known_hosts\)/],
    ["an entry for the host on port 22 only", `gpu-01 ${hostKey.line}`, "[gpu-01]:2222", /no known_hosts entry/],
    ["a negated pattern", `gpu-*,!gpu-01 ${hostKey.line}`, "gpu-01", /no known_hosts entry/],
    ["a hashed entry of another name", `${hashed("gpu-02")} ${hostKey.line}`, "gpu-01", /no known_hosts entry/],
    ["a certificate authority line alone", `@cert-authority * ${hostKey.line}`, "gpu-01", /no known_hosts entry/],
    ["another key for the host", `gpu-01 ${otherKey.line}`, "gpu-01", /has CHANGED: it presents ssh-ed25519 key SHA256:\S+, but known_hosts:1 lists another key/],
    ["a revoked key", `@revoked * ${hostKey.line}\ngpu-01 ${hostKey.line}`, "gpu-01", /is marked @revoked in known_hosts:1/],
  ])("refuses the key with %s", (_what, text, name, reason) => {
    expect(hostKeyProblem(name, hostKey.blob, known(text))).toMatch(reason);
  });
});
