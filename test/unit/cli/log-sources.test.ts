import { describe, expect, it } from "vitest";
import type { BerthContainer } from "../../../cli/berth-object";
import { hostLabel, logSources, selectLogged } from "../../../cli/log-sources";
import { container, service } from "./objects";

const A = "unix:///var/run/docker.sock";
const GPU = "ssh://deploy@gpu-01";

/** A container of `resource` in shop/prod, named as berth names them. */
const of = (resource: string, name: string, overrides: Partial<BerthContainer> = {}) =>
  container(name, { owner: { project: "shop", stack: "prod", resource }, ...overrides });

describe("logSources", () => {
  it.each([
    ["one container: its resource", [of("api", "shop-prod-api-1a")], ["api"]],
    ["several resources, padded to one width", [of("api", "shop-prod-api-1a"), of("worker", "shop-prod-worker-2b")], ["api   ", "worker"]],
    ["a resource on several hosts: with the host", [of("api", "a", { host: A }), of("api", "b", { host: GPU })], ["api@/var/run/docker.sock", "api@gpu-01".padEnd(24)]],
    ["several containers of a resource on one host: numbered by name", [of("api", "x-2"), of("api", "x-1")], ["api-2", "api-1"]],
    [
      "a sidecar: by its own name",
      [of("api", "shop-prod-api-1a"), of("api", "shop-prod-api-1a-metrics", { sidecarOf: "shop-prod-api-1a" })],
      ["api        ", "api/metrics"],
    ],
    [
      "several stacks: with the stack",
      [of("api", "a"), container("b", { owner: { project: "shop", stack: "dev", resource: "api" } })],
      ["shop/prod/api", "shop/dev/api "],
    ],
    ["none", [], []],
  ])("prefixes %s", (_, containers, prefixes) => {
    expect(logSources(containers).map((s) => ("prefix" in s ? s.prefix : ""))).toEqual(prefixes);
  });
});

describe("logSources of swarm services", () => {
  const prefixes = (sources: ReturnType<typeof logSources>, node: string) => sources.map((s) => ("prefix" in s ? s.prefix : s.prefixOn(node)));

  it("prefixes a task's lines with the resource and the node, padded to the longest node the tasks run on, as the containers' prefixes", () => {
    const sources = logSources([of("api", "shop-prod-api-1a"), service("web")]);
    expect(prefixes(sources, "node-1")).toEqual(["api        ", "web@node-1 "]);
    expect(prefixes(sources, "node-22")).toEqual(["api        ", "web@node-22"]);
  });

  it("adds the stack when the sources come from several", () => {
    const sources = logSources([container("b", { owner: { project: "shop", stack: "dev", resource: "api" } }), service("web")]);
    expect(prefixes(sources, "node-1").map((p) => p.trimEnd())).toEqual(["shop/dev/api", "shop/prod/web@node-1"]);
  });

  it("selects a service by its resource like a container", () => {
    const web = service("web");
    expect(selectLogged(["web"], [of("api", "a"), web], "")).toEqual([web]);
  });
});

describe("selectLogged", () => {
  const api = of("api-deployment", "api");
  const trainer = of("trainer-container", "trainer");
  const trainerData = of("trainer-data", "trainer-data-job");
  const worker = of("worker", "worker");
  const all = [worker, trainerData, api, trainer];

  it.each([
    ["no name: every container, by resource", [], [api, trainer, trainerData, worker]],
    ["a resource's own name", ["worker"], [worker]],
    ["a component's name: its children", ["trainer"], [trainer, trainerData]],
    ["several names", ["worker", "api"], [api, worker]],
    ["a full child name: that child only", ["trainer-data"], [trainerData]],
  ])("selects %s", (_, names, expected) => {
    expect(selectLogged(names, all, " on here")).toEqual(expected);
  });

  it("prefers a resource of that very name over children named after it", () => {
    const web = of("web", "web");
    expect(selectLogged(["web"], [web, of("web-db", "web-db")], "")).toEqual([web]);
  });

  it("lists the resources there are when a name matches nothing", () => {
    expect(() => selectLogged(["trainr"], all, " in project `shop` on h")).toThrow(
      "no resource named `trainr` in project `shop` on h; resources there: api-deployment, trainer-container, trainer-data, worker",
    );
    expect(() => selectLogged(["api"], [], " on h")).toThrow("no resource named `api` on h; there are no berth containers there");
    expect(() => selectLogged([], [], " on h")).toThrow("no berth containers on h");
  });

  it("refuses to mix the logs of one resource name from several stacks", () => {
    const containers = [container("a", { owner: { project: "shop", stack: "prod", resource: "web" } }), container("b", { owner: { project: "shop", stack: "dev", resource: "web" } })];
    expect(() => selectLogged(["web"], containers, "")).toThrow("resource `web` exists in several stacks (shop/dev, shop/prod); choose one with `--project` and `--stack`");
  });
});

describe("hostLabel", () => {
  it.each([
    ["unix:///var/run/docker.sock", "/var/run/docker.sock"],
    ["ssh://deploy@gpu-01", "gpu-01"],
    ["ssh://gpu-01:2222", "gpu-01:2222"],
    ["tcp://10.0.0.5:2376", "10.0.0.5:2376"],
  ])("%s is %s", (url, label) => expect(hostLabel(url)).toBe(label));
});
