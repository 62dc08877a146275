import * as os from "os";
import * as path from "path";
import * as fs from "fs";
import { describe, expect, it } from "vitest";
import * as hooks from "../../../../provider/persistent/persistent-container-hooks";
import { persistentContainerDiff } from "../../../../provider/persistent/persistent-container-diff";
import { persistentContainerSchema } from "../../../../provider/persistent/persistent-container-schema";
import { setupScriptFile, setupScriptSource } from "../../../../provider/persistent/setup-script-source";

const valid = {
  hosts: ["unix:///var/run/docker.sock", "unix:///run/berth-hosts/h1/docker.sock"],
  owner: { project: "p", stack: "s", resource: "cluster" },
  name: "trainer",
  lifetime: "persistent",
  image: "berth.local/busybox:latest",
};

describe("PersistentContainer check", () => {
  it("accepts a valid container and keeps it alive by default", async () => {
    const { inputs, failures: none } = await hooks.check({}, valid);
    expect(none).toEqual([]);
    expect((inputs as any).command[0]).toBe("/bin/sh");
    expect(inputs).toMatchObject({ privileged: false, removeOnDestroy: false });
  });


  it("refuses a setup script given both ways or neither", () => {
    expect(() => setupScriptSource({ path: "/x", inline: "y" })).toThrow("exactly one of `path`");
    expect(() => setupScriptSource({})).toThrow("exactly one of `path`");
  });

  it("keeps an inline script's body and this machine's folders out of the props: only its sha256", () => {
    const source = setupScriptSource({ inline: "echo secret-step" });
    expect(JSON.stringify(source)).not.toContain("secret-step");
    expect(JSON.stringify(source)).not.toContain(os.homedir());
    expect(source.sha256).toMatch(/^[a-f0-9]{64}$/);
    expect(fs.readFileSync(setupScriptFile(source), "utf8")).toBe("echo secret-step");
  });

  it("stores a script file's path relative to the project folder, so a moved checkout reads the same state", () => {
    const dir = fs.mkdtempSync(path.join(process.cwd(), ".berth-script-"));
    try {
      fs.writeFileSync(path.join(dir, "setup.sh"), "true\n");
      const source = setupScriptSource({ path: path.join(path.basename(dir), ".", "setup.sh") });
      expect(source.path).toBe(path.join(path.basename(dir), "setup.sh"));
      expect(setupScriptFile(source)).toBe(path.join(dir, "setup.sh"));
      expect(setupScriptSource({ path: path.join(dir, "setup.sh") }).path).toBe(path.join(dir, "setup.sh"));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("PersistentContainer diff", () => {
  const props = (change: Record<string, unknown>) => persistentContainerSchema.parse({ ...valid, runToken: "a", ...change }) as unknown as Record<string, unknown>;

  it.each([
    ["per_run is replaced on every run", { lifetime: "per_run" }, { lifetime: "per_run", runToken: "b" }, { changes: true, replaces: ["runToken"], deleteBeforeReplace: true }],
    ["persistent shows no change when the hosts were not observed (a preview)", { observed: "running on every host" }, { runToken: "b", verifyHosts: false }, { changes: false }],
    ["persistent shows no change when an update observed a healthy set", { observed: "running on every host" }, { runToken: "b", verifyHosts: true, observed: "running on every host" }, { changes: false }],
    ["a state written before berth observed hosts counts as healthy", {}, { runToken: "b", verifyHosts: true, observed: "running on every host" }, { changes: false }],
    ["persistent is updated in place when an update observed a missing container", { observed: "running on every host" }, { observed: "missing on unix:///h1.sock" }, { changes: true, replaces: [] }],
    ["no_launch shows no change across runs", { lifetime: "no_launch", image: undefined }, { lifetime: "no_launch", image: undefined, runToken: "b", verifyHosts: true, observed: "running on every host" }, { changes: false }],
    ["a persistent image change updates state only", {}, { image: "berth.local/web:latest" }, { changes: true, replaces: [] }],
    ["a per_run image change replaces", { lifetime: "per_run" }, { lifetime: "per_run", image: "berth.local/web:latest" }, { replaces: ["image"] }],
    ["another host list replaces", {}, { hosts: ["unix:///var/run/docker.sock"] }, { replaces: ["hosts"], deleteBeforeReplace: true }],
  ])("%s", (_what, old, next, expected) => {
    expect(persistentContainerDiff(props(old), props(next))).toMatchObject(expected);
  });
});
