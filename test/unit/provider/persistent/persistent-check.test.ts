import * as fs from "fs";
import { describe, expect, it } from "vitest";
import * as hooks from "../../../../provider/persistent/persistent-container-hooks";
import { persistentContainerDiff } from "../../../../provider/persistent/persistent-container-diff";
import { persistentContainerSchema } from "../../../../provider/persistent/persistent-container-schema";
import { setupScriptSource } from "../../../../provider/persistent/setup-script-source";

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

  it("keeps an inline script's body out of the props: only a path and its sha256", () => {
    const source = setupScriptSource({ inline: "echo secret-step" });
    expect(JSON.stringify(source)).not.toContain("secret-step");
    expect(source.sha256).toMatch(/^[a-f0-9]{64}$/);
    expect(fs.readFileSync(source.path, "utf8")).toBe("echo secret-step");
  });
});

describe("PersistentContainer diff", () => {
  const props = (change: Record<string, unknown>) => persistentContainerSchema.parse({ ...valid, runToken: "a", ...change }) as unknown as Record<string, unknown>;

  it.each([
    ["per_run is replaced on every run", { lifetime: "per_run" }, { lifetime: "per_run", runToken: "b" }, { changes: true, replaces: ["runToken"], deleteBeforeReplace: true }],
    ["persistent is re-attached in place on every run", {}, { runToken: "b" }, { changes: true, replaces: [] }],
    ["no_launch is re-verified in place on every run", { lifetime: "no_launch", image: undefined }, { lifetime: "no_launch", image: undefined, runToken: "b" }, { changes: true, replaces: [] }],
    ["a persistent image change updates state only", {}, { image: "berth.local/web:latest" }, { changes: true, replaces: [] }],
    ["a per_run image change replaces", { lifetime: "per_run" }, { lifetime: "per_run", image: "berth.local/web:latest" }, { replaces: ["image"] }],
    ["another host list replaces", {}, { hosts: ["unix:///var/run/docker.sock"] }, { replaces: ["hosts"], deleteBeforeReplace: true }],
  ])("%s", (_what, old, next, expected) => {
    expect(persistentContainerDiff(props(old), props(next))).toMatchObject(expected);
  });
});
