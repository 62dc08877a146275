import { describe, expect, it } from "vitest";
import { DOCKER_NAME_PATTERN, objectName } from "../../../provider/naming";
import { canonicalJson, specHash } from "../../../provider/spec-hash";

describe("objectName", () => {
  const hash = "abcdef1234567890";

  it.each([
    [{ project: "shop", stack: "dev", resource: "web" }, /^shop-dev-web-[0-9a-f]{12}$/],
    [{ project: "shop", stack: "org/dev", resource: "web api" }, /^shop-org-dev-web-api-[0-9a-f]{12}$/],
    [{ project: "_x", stack: "s", resource: "r" }, /^x-s-r-[0-9a-f]{12}$/],
  ])("for %j is a readable prefix and a hash", (owner, expected) => {
    expect(objectName(owner, hash)).toMatch(expected);
    expect(objectName(owner, hash)).toBe(objectName({ ...owner }, hash));
  });

  it("keeps long names readable and valid", () => {
    const name = objectName({ project: "p".repeat(80), stack: "s", resource: "r" }, hash);
    expect(name.length).toBeLessThanOrEqual(61);
    expect(name).toMatch(DOCKER_NAME_PATTERN);
  });

  it.each([
    ["a 60-character project's dev and prod stacks", { project: "rt-coll-customer-analytics-platform-infrastructure-xyz-12345", stack: "dev", resource: "data" }, { stack: "prod" }],
    ["two resources of a 48-character project", { project: "rt-coll-customer-analytics-platform-infrastructu", stack: "rt", resource: "data" }, { resource: "cache" }],
    ["names that sanitising merges", { project: "shop", stack: "dev", resource: "web api" }, { resource: "web-api" }],
    ["resources whose names differ past the cut", { project: "shop", stack: "dev", resource: `${"r".repeat(60)}-a` }, { resource: `${"r".repeat(60)}-b` }],
  ])("never gives one name to two owners: %s", (_, owner, change) => {
    expect(objectName(owner, hash)).not.toBe(objectName({ ...owner, ...change }, hash));
  });

  it("gives a new spec a new name", () => {
    const owner = { project: "shop", stack: "dev", resource: "web" };
    expect(objectName(owner, hash)).not.toBe(objectName(owner, "0123456789ab"));
  });
});

describe("specHash", () => {
  it("ignores key order and sees every value", () => {
    expect(specHash({ a: 1, b: { c: 2, d: 3 } })).toBe(specHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(specHash({ a: 1 })).not.toBe(specHash({ a: 2 }));
    expect(canonicalJson({ b: 1, a: [3, { z: 1, y: 2 }] })).toBe('{"a":[3,{"y":2,"z":1}],"b":1}');
  });
});
