import { describe, expect, it } from "vitest";
import type { BerthContainer } from "../../../cli/berth-object";
import { hostLabel, logSources, selectContainers } from "../../../cli/log-sources";
import { container } from "./objects";

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
    expect(logSources(containers).map((s) => s.prefix)).toEqual(prefixes);
  });
});

describe("selectContainers", () => {
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
    expect(selectContainers(names, all, " on here")).toEqual(expected);
  });

  it("prefers a resource of that very name over children named after it", () => {
    const web = of("web", "web");
    expect(selectContainers(["web"], [web, of("web-db", "web-db")], "")).toEqual([web]);
  });

  it("lists the resources there are when a name matches nothing", () => {
    expect(() => selectContainers(["trainr"], all, " in project `shop` on h")).toThrow(
      "no resource named `trainr` in project `shop` on h; resources there: api-deployment, trainer-container, trainer-data, worker",
    );
    expect(() => selectContainers(["api"], [], " on h")).toThrow("no resource named `api` on h; there are no berth containers there");
    expect(() => selectContainers([], [], " on h")).toThrow("no berth containers on h");
  });

  it("refuses to mix the logs of one resource name from several stacks", () => {
    const containers = [container("a", { owner: { project: "shop", stack: "prod", resource: "web" } }), container("b", { owner: { project: "shop", stack: "dev", resource: "web" } })];
    expect(() => selectContainers(["web"], containers, "")).toThrow("resource `web` exists in several stacks (shop/dev, shop/prod); choose one with `--project` and `--stack`");
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
