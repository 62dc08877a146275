import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { envFileSource, parseEnvFile, withEnvFiles } from "../../../../provider/container/env-files";
import * as hooks from "../../../../provider/deployment/deployment-hooks";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-env-files-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const at = path.join(dir, name);
  fs.writeFileSync(at, text);
  return at;
}

describe("parseEnvFile reads compose's env_file format", () => {
  it("takes bare, single- and double-quoted values, comments, blank lines and `export`", () => {
    const text = ['# a comment', '', 'A=1', 'export B = two words # trailing', "C='literal $X \\n'", 'D="line\\nnext \\"q\\""', 'E=', 'F=a#b'].join("\n");
    expect(parseEnvFile(text)).toEqual({ env: { A: "1", B: "two words", C: "literal $X \\n", D: 'line\nnext "q"', E: "", F: "a#b" } });
  });

  it.each([
    ["a line without `=`", "A=1\nTOKEN\n", /line 2 is not `NAME=value`.*its own environment/],
    ["an invalid name", "1A=x", /line 1 is not `NAME=value`/],
    ["an unclosed quote", 'A="open', /line 1 opens a quote it never closes/],
  ])("refuses %s, naming the line", (_what, text, problem) => {
    expect(parseEnvFile(text).problem).toMatch(problem);
  });
});

describe("env files on a Deployment", () => {
  const base = { host: "unix:///var/run/docker.sock", owner: { project: "p", stack: "s", resource: "api" }, image: "berth.local/busybox:latest" };

  it("merge as compose does: later files over earlier, `env` over files; file values count as secret", () => {
    const files = [envFileSource(file("one.env", "A=one\nB=one\nSECRET=s3cret-value\n")), envFileSource(file("two.env", "B=two\nC=two\n"))];
    const merged = withEnvFiles({ env: { C: "env" }, secretEnvKeys: [], envFiles: files });
    expect(merged.env).toEqual({ A: "one", B: "two", SECRET: "s3cret-value", C: "env" });
    expect(merged.secretEnvKeys.sort()).toEqual(["A", "B", "SECRET"]);
  });

  it("keeps only each file's path and sha256 in the checked inputs, never a value", async () => {
    const { inputs, failures } = await hooks.check({}, { ...base, envFiles: [envFileSource(file("db.env", "PASSWORD=hunter2-secret\n"))] });
    expect(failures).toEqual([]);
    expect(JSON.stringify(inputs)).not.toContain("hunter2-secret");
    expect((inputs as { envFiles: unknown[] }).envFiles).toEqual([{ path: expect.stringMatching(/db\.env$/), sha256: expect.stringMatching(/^[a-f0-9]{64}$/) }]);
  });

  it("fails check naming the file's index when it is unreadable, malformed or changed since the program read it", async () => {
    const changed = file("changed.env", "A=1\n");
    const source = envFileSource(changed);
    fs.writeFileSync(changed, "A=2\n");
    const cases: Array<[unknown, RegExp]> = [
      [envFileSource(path.join(dir, "missing.env")), /could not be read when the program ran/],
      [envFileSource(file("bad.env", "A=1\nOOPS\n")), /bad\.env: line 2 is not `NAME=value`/],
      [source, /changed since the program read it/],
    ];
    for (const [envFile, reason] of cases) {
      const found = (await hooks.check({}, { ...base, envFiles: [envFile] })).failures ?? [];
      expect(found).toEqual([{ property: "envFiles.0", reason: expect.stringMatching(reason) }]);
    }
  });
});
