import { describe, expect, it } from "vitest";
import { logSources } from "../../../cli/log-sources";
import { container } from "./objects";

describe("logSources", () => {
  it.each([
    ["one container: the host alone", [container("web-1", { host: "unix:///a.sock" })], ["unix:///a.sock"]],
    [
      "several: host and container, padded to one width",
      [container("web-1", { host: "unix:///a.sock" }), container("web-22", { host: "ssh://gpu-01" })],
      ["unix:///a.sock web-1", "ssh://gpu-01 web-22 "],
    ],
    ["none", [], []],
  ])("prefixes %s", (_, containers, prefixes) => {
    const owned = containers.map((c) => ({ ...c, owner: { ...c.owner, resource: "web" } }));
    expect(logSources("web", owned).map((s) => s.prefix)).toEqual(prefixes);
  });

  it("refuses to mix the logs of one resource name from several stacks", () => {
    const containers = [container("a", { owner: { project: "shop", stack: "prod", resource: "web" } }), container("b", { owner: { project: "shop", stack: "dev", resource: "web" } })];
    expect(() => logSources("web", containers)).toThrow("resource `web` exists in several stacks (shop/prod, shop/dev); choose one with `--project` and `--stack`");
  });
});
