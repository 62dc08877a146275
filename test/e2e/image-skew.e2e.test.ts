import { execFileSync } from "child_process";
import { afterAll, describe, expect, it } from "vitest";
import { berthObjects, defaultHostUrl, extraHostUrls, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";
import { untag } from "../support/registry";

const registry = process.env.BERTH_REGISTRY ?? "127.0.0.1:5310";
const tag = `${registry}/team/skew-${process.pid}:1`;
const hosts = [defaultHostUrl(), ...extraHostUrls()];
const program = new PulumiProgram("test/e2e/programs/persistent");
const docker = (...args: string[]) => execFileSync("docker", args, { encoding: "utf8", stdio: ["pipe", "pipe", "inherit"] }).trim();
const short = (id: string) => id.replace(/^sha256:/, "").slice(0, 12);

/** Pushes a local image as the tag and drops the local tag again; returns the image id. */
function push(source: string): string {
  docker("tag", source, tag);
  docker("push", tag);
  const id = docker("image", "inspect", "--format", "{{.Id}}", tag);
  docker("rmi", tag);
  return id;
}

afterAll(async () => {
  await program.dispose();
  untag(tag, hosts);
  untag(`${tag}-second`, [defaultHostUrl()]);
});

describe("image skew across hosts with real pulls", () => {
  it("fails a launch whose hosts got different images for one tag, naming hosts and ids, and leaves nothing", async () => {
    const first = push("berth.local/web:latest");
    // Host 1 pulled the tag before it moved.
    docker("-H", hosts[1], "pull", "-q", tag);
    execFileSync("docker", ["build", "-q", "-t", `${tag}-second`, "-"], { input: "FROM berth.local/web:latest\nRUN echo second > /www/index.html\n", stdio: ["pipe", "ignore", "inherit"] });
    const second = push(`${tag}-second`);

    await program.init({ hosts: JSON.stringify(hosts), containerName: `${program.project}-node`, lifetime: "persistent", removeOnDestroy: "true", image: tag });
    const up = await program.run(["up", "--yes", "--skip-preview", "--non-interactive"]);
    expect(up.code).not.toBe(0);
    const output = up.stdout.replace(/\s+/g, " ");
    expect(output).toContain(`the hosts got different images for \`${tag}\`: ${hosts[0]} has ${short(second)}, ${hosts[1]} has ${short(first)}, ${hosts[2]} has ${short(second)}`);
    expect(output).toContain("The fresh containers were removed on every host.");
    for (const url of hosts) expect((await berthObjects(testDocker(url), program.project)).containers).toEqual([]);
  });
});
