import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { berthObjects, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";

const program = new PulumiProgram("test/e2e/programs/bad-inputs");

beforeAll(() => program.init({ case: "bad-image" }));
afterAll(() => program.dispose());

describe("bad inputs through the real `pulumi preview`", () => {
  it.each([
    ["bad-image", /property image .*is not a valid image reference; write e\.g\. `nginx:1\.27`/],
    ["bad-port", /property ports\.0\.containerPort .*must be 1–65535/],
    ["unpublished-probe", /property readiness\.httpGet\.port .*8080 is not a published tcp port; add it to `ports`/],
    ["zero-retries", /property restart\.maxRetries .*must be at least 1; use `restart: "no"` for no restarts/],
    ["too-many-gpus", /property gpus .*asks for 2 GPUs but host unix:\/\/\/var\/run\/docker\.sock has 1/],
    ["bad-host", /property host\.url .*must be a Docker endpoint URL/],
    ["bad-name", /property name .*must start with a letter or digit/],
    ["negative-timeout", /property timeoutSeconds .*must be above 0 seconds/],
    ["legacy-launch", /property launch .*`launch: true` is `lifetime: "per_run"`/],
    ["legacy-external", /property lifetime .*`"external"` is now `"no_launch"`/],
  ])("%s: says what is wrong and what to write, and creates nothing", async (name, expected) => {
    await program.setConfig("case", name);
    const result = await program.run(["preview", "--non-interactive"]);
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(new RegExp(`'${name}': ${expected.source}`));
    expect(await berthObjects(testDocker(), program.project)).toEqual({ containers: [], volumes: [] });
  });
});
