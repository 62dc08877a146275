import { describe, expect, it } from "vitest";
import { DOCKER_NAME_PATTERN, objectName } from "../../../provider/naming";
import { canonicalJson, specHash } from "../../../provider/spec-hash";

describe("objectName", () => {
  it.each([
    [{ project: "shop", stack: "dev", resource: "web" }, "shop-dev-web-abcdef12"],
    [{ project: "shop", stack: "org/dev", resource: "web api" }, "shop-org-dev-web-api-abcdef12"],
    [{ project: "_x", stack: "s", resource: "r" }, "x-s-r-abcdef12"],
  ])("for %j is %s", (owner, expected) => {
    expect(objectName(owner, "abcdef1234567890")).toBe(expected);
  });

  it("keeps long names readable and valid", () => {
    const name = objectName({ project: "p".repeat(80), stack: "s", resource: "r" }, "abcdef1234567890");
    expect(name.length).toBeLessThanOrEqual(57);
    expect(name).toMatch(DOCKER_NAME_PATTERN);
    expect(name.endsWith("-abcdef12")).toBe(true);
  });
});

describe("specHash", () => {
  it("ignores key order and sees every value", () => {
    expect(specHash({ a: 1, b: { c: 2, d: 3 } })).toBe(specHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(specHash({ a: 1 })).not.toBe(specHash({ a: 2 }));
    expect(canonicalJson({ b: 1, a: [3, { z: 1, y: 2 }] })).toBe('{"a":[3,{"y":2,"z":1}],"b":1}');
  });
});
