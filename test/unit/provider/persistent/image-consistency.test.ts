import { describe, expect, it } from "vitest";
import { imageConsistency, launchSkew, type HostImage } from "../../../../provider/persistent/image-consistency";

const A = "sha256:" + "a".repeat(64);
const B = "sha256:" + "b".repeat(64);

describe("imageConsistency", () => {
  it.each<[string, HostImage[], { error?: string }, number]>([
    ["one image everywhere", [{ host: "h1", imageId: A }, { host: "h2", imageId: A }], {}, 0],
    ["an unreadable id", [{ host: "h1", imageId: A }, { host: "h2", readError: "connection refused" }], { error: "could not read the image id on h2 (connection refused)" }, 0],
    ["different ids", [{ host: "h1", imageId: A }, { host: "h2", imageId: B }], { error: "the hosts run different images: h1 runs aaaaaaaaaaaa, h2 runs bbbbbbbbbbbb" }, 0],
    ["a retagged image", [{ host: "h1", imageId: A, currentTagId: B, reference: "app:1" }, { host: "h2", imageId: A, currentTagId: A }], {}, 1],
  ])("%s", (_what, images, expected, warnings) => {
    const result = imageConsistency(images);
    if (expected.error) expect(result.error).toContain(expected.error);
    else expect(result.error).toBeUndefined();
    expect(result.warnings).toHaveLength(warnings);
  });

  it("names the stale host, the ids and the tag", () => {
    expect(imageConsistency([{ host: "h1", imageId: A, currentTagId: B, reference: "app:1" }]).warnings[0]).toBe(
      "on h1 the container runs image aaaaaaaaaaaa, but `app:1` now points to bbbbbbbbbbbb there: it runs a stale image",
    );
  });
});

describe("launchSkew", () => {
  it("accepts fresh containers that all got one image", () => {
    expect(launchSkew("reg:5000/app:1", [{ host: "h1", imageId: A }, { host: "h2", imageId: A }])).toBeUndefined();
  });

  it("names every host with its id and the ways out", () => {
    expect(launchSkew("reg:5000/app:1", [{ host: "h1", imageId: A }, { host: "h2", imageId: B }])).toBe(
      "the hosts got different images for `reg:5000/app:1`: h1 has aaaaaaaaaaaa, h2 has bbbbbbbbbbbb; the tag moved between the hosts' pulls or a host kept an older image under it. " +
        'Pin the image by digest (`reg:5000/app@sha256:…`) or use `pullPolicy: "Always"`',
    );
  });
});
