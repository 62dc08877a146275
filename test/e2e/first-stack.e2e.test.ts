import * as fs from "fs";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { berthObjects, sweep, testDocker } from "../support/docker";
import { packedBerth } from "../support/packed-berth";
import { PulumiProgram } from "../support/pulumi-program";

const ROOT = path.resolve(__dirname, "../..");
const docker = testDocker();
const program = new PulumiProgram("examples/first-stack", { outsideRepository: true });
/** No registry is reachable here: the stack's `image` config names a local web server instead of nginx. */
const LOCAL_WEB_SERVER = "berth.local/web:latest";

afterAll(async () => {
  await program.dispose();
  await sweep(docker, program.project);
});

describe("the README's first stack, in a user's fresh project", () => {
  it("is the README's code, verbatim", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const example = fs.readFileSync(path.join(ROOT, "examples/first-stack/index.ts"), "utf8");
    expect(readme).toContain("```sh\nnpm install pulumi-berth\n```");
    expect(readme).toContain("```ts\n" + example + "```");
  });

  it("installs with the README's command, comes up answering, previews quiet, shows in `berth ps` and is destroyed", async () => {
    // The README's `npm install pulumi-berth`, with the package from its tarball as the registry would serve it.
    await program.install({ "@pulumi/pulumi": "3.248.0" }, { typescript: "~5.9.3", "@types/node": "^20.19.0" });
    await program.npm(["install", `pulumi-berth@file:${await packedBerth()}`]);
    await program.init({ image: LOCAL_WEB_SERVER });

    await program.up();
    const { url } = await program.outputs();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(url)).status).toBe(200);
    await program.ok(["preview", "--expect-no-changes", "--non-interactive"]);

    // The installed command, as `npx berth` finds it in the project.
    const listed = await program.shell(`npx --no-install berth ps --project ${program.project}`);
    expect(listed).toContain("web");
    expect(listed).toContain("site");

    await program.destroy();
    expect(await berthObjects(docker, program.project)).toEqual({ containers: [], volumes: [] });
  });
});
