import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkInputs } from "../../../../provider/validation/check-inputs";
import { UNKNOWN } from "../../../../provider/validation/unknown";

const schema = z.strictObject({
  image: z.string({ error: "must name an image, e.g. `nginx:1.27`" }),
  replicas: z.number().int().min(1).default(1),
  nested: z.strictObject({ port: z.number().int() }).optional(),
});

describe("checkInputs", () => {
  it("fills defaults when the inputs are valid", () => {
    expect(checkInputs(schema, { image: "web" }, "Thing")).toEqual({ inputs: { image: "web", replicas: 1 }, failures: [] });
  });

  it("names unknown keys with their full path", () => {
    const { failures } = checkInputs(schema, { image: "web", colour: "red", nested: { port: 1, extra: 2 } }, "Thing");
    expect(failures).toHaveLength(2);
    expect(failures).toContainEqual({ property: "colour", reason: "is not a Thing property; remove it or check its spelling" });
    expect(failures).toContainEqual({ property: "nested.extra", reason: "is not a Thing property; remove it or check its spelling" });
  });

  it("says a missing required property is required, with the schema's advice", () => {
    const { failures } = checkInputs(schema, {}, "Thing");
    expect(failures).toEqual([{ property: "image", reason: "is required: must name an image, e.g. `nginx:1.27`" }]);
  });

  it("tolerates values that are unknown during preview and returns the raw inputs", () => {
    const inputs = { image: "web", nested: UNKNOWN };
    expect(checkInputs(schema, inputs, "Thing")).toEqual({ inputs, failures: [] });
  });

  it("still reports failures elsewhere while some values are unknown", () => {
    const { failures } = checkInputs(schema, { image: 5, nested: UNKNOWN }, "Thing");
    expect(failures.map((f) => f.property)).toEqual(["image"]);
  });
});

describe("checkInputs on unknown keys", () => {
  const nested = z.strictObject({ image: z.string(), healthcheck: z.strictObject({ retries: z.number() }).optional(), mounts: z.array(z.strictObject({ target: z.string() })).default([]) }).transform((x) => x);

  it("suggests the known key a misspelt one means, at any depth and in arrays", () => {
    const { failures } = checkInputs(nested, { image: "x", healthcheck: { retires: 1 }, mounts: [{ taget: "/a" }], Image_: "y" }, "Thing");
    expect(failures).toContainEqual({ property: "healthcheck.retires", reason: "is not a Thing property; did you mean `retries`?" });
    expect(failures).toContainEqual({ property: "mounts.0.taget", reason: "is not a Thing property; did you mean `target`?" });
    expect(failures).toContainEqual({ property: "Image_", reason: "is not a Thing property; did you mean `image`?" });
  });

  it("prefers a hint for a key people put in the wrong place, matching array indices as `*`", () => {
    const { failures } = checkInputs(nested, { image: "x", mounts: [{ target: "/a", source: "v" }] }, "Thing", { "mounts.*.source": "sources are implied" });
    expect(failures).toEqual([{ property: "mounts.0.source", reason: "is not a Thing property: sources are implied" }]);
  });
});
