import { execFileSync } from "child_process";
import { afterAll, describe, expect, it } from "vitest";
import { PulumiProgram } from "../support/pulumi-program";

const registry = process.env.BERTH_REGISTRY ?? "127.0.0.1:5310";
const repository = `${registry}/team/moving-${process.pid}`;
const tag = `${repository}:1`;
const docker = (...args: string[]) => execFileSync("docker", args, { encoding: "utf8" }).trim();
/** Removes the test's references from the daemon; one that is already gone (a digest shared with another run of the test) is fine. */
const removeImages = (...references: string[]) => {
  for (const reference of references) {
    try {
      execFileSync("docker", ["rmi", reference], { stdio: "ignore" });
    } catch {
      // Already gone.
    }
  }
};
const imageId = (reference: string) => docker("image", "inspect", "--format", "{{.Id}}", reference);
const programs: PulumiProgram[] = [];

/** Pushes `source` as the moving tag; returns its id and the digest the registry gave it. */
function pushAs(source: string): { id: string; pinned: string } {
  docker("tag", source, tag);
  docker("push", tag);
  const pinned = docker("image", "inspect", "--format", "{{index .RepoDigests 0}}", tag);
  const id = imageId(tag);
  docker("rmi", tag);
  return { id, pinned };
}

/** A second image, built on the web image, serving another page. */
function buildSecond(): string {
  execFileSync("docker", ["build", "-q", "-t", `${repository}:second`, "-"], { input: "FROM berth.local/web:latest\nRUN echo second > /www/index.html\n", stdio: ["pipe", "ignore", "inherit"] });
  return `${repository}:second`;
}

afterAll(async () => {
  for (const program of programs) await program.dispose();
  removeImages(tag, `${repository}:second`);
});

describe("tags that move and digests that do not, through the real Pulumi CLI", () => {
  it.each(["Always", "IfNotPresent"] as const)("pullPolicy %s: a re-pushed tag leaves the preview clean; a replacement pulls it only with Always; a digest is never re-pulled", async (policy) => {
    const first = pushAs("berth.local/web:latest");
    const program = new PulumiProgram("test/e2e/programs/pull-policy");
    programs.push(program);
    await program.init({ taggedImage: tag, pinnedImage: first.pinned, pullPolicy: policy, revision: "1" });
    await program.up();
    expect(await program.outputs()).toMatchObject({ taggedImageId: first.id, pinnedImageId: first.id });

    const second = pushAs(buildSecond());
    expect(second.id).not.toBe(first.id);
    // The test pushes through the same daemon the stack runs on: give the tag back its old image there, as a host that pulled it has.
    docker("tag", first.id, tag);

    // The reference did not change: nothing to do, and nothing is pulled.
    expect((await program.previewJson()).steps.filter((s) => s.op !== "same")).toEqual([]);
    await program.ok(["up", "--refresh", "--yes", "--skip-preview", "--non-interactive"]);
    expect((await program.outputs()).taggedImageId).toBe(first.id);

    // A replacement pulls the moved tag under Always; IfNotPresent keeps the image the host has.
    await program.setConfig("revision", "2");
    await program.up();
    const outputs = await program.outputs();
    expect(outputs.taggedImageId).toBe(policy === "Always" ? second.id : first.id);
    expect(await (await fetch(outputs.taggedEndpoint)).text()).toContain(policy === "Always" ? "second" : "berth");
    expect(outputs.pinnedImageId).toBe(first.id);
    await program.destroy();
    removeImages(tag, first.pinned, `${repository}:second`);
  });
});
