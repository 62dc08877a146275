import { describe, expect, it } from "vitest";
import { groupByOwner } from "../../../cli/grouping";
import { container, volume } from "./objects";

const owned = (project: string, stack: string, resource: string, host = "h1") =>
  container(`${project}-${stack}-${resource}-${host}`, { host, owner: { project, stack, resource } });

const shape = (objects: Parameters<typeof groupByOwner>[0]) =>
  groupByOwner(objects).map((g) => [`${g.project}/${g.stack}`, g.resources.map((r) => [r.resource, r.objects.map((o) => o.name)])]);

describe("groupByOwner", () => {
  it.each([
    ["nothing", [], []],
    [
      "sorts projects, stacks and resources by name",
      [owned("b", "dev", "web"), owned("a", "prod", "web"), owned("a", "dev", "web"), owned("a", "dev", "api")],
      [
        ["a/dev", [["api", ["a-dev-api-h1"]], ["web", ["a-dev-web-h1"]]]],
        ["a/prod", [["web", ["a-prod-web-h1"]]]],
        ["b/dev", [["web", ["b-dev-web-h1"]]]],
      ],
    ],
    [
      "keeps one resource's objects in the order they came, host by host",
      [owned("a", "dev", "web", "h2"), owned("a", "dev", "web", "h1")],
      [["a/dev", [["web", ["a-dev-web-h2", "a-dev-web-h1"]]]]],
    ],
    [
      "groups containers and volumes of one stack together",
      [container("web"), volume("data")],
      [["shop/prod", [["data", ["data"]], ["web", ["web"]]]]],
    ],
  ])("%s", (_, objects, expected) => {
    expect(shape(objects)).toEqual(expected);
  });
});
