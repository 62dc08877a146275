import { afterAll, describe, expect, it } from "vitest";
import { runAttempt } from "../../../../provider/job/run-attempt";
import { sweep, testDocker, uniqueProject } from "../../../support/docker";

const docker = testDocker();
const project = uniqueProject("it-attempt");

afterAll(() => sweep(docker, project));

describe("one attempt of a job", () => {
  it("tells, while it runs, how long it has run and its last log line, then removes the container", async () => {
    const container = await docker.createContainer({
      Image: "berth.local/busybox:latest",
      Cmd: ["sh", "-c", "echo pulling shard 1; sleep 2.5; echo done"],
      Labels: { "dev.berth.managed-by": "berth", "dev.berth.project": project },
    });
    const beats: Array<[number, string]> = [];
    const result = await runAttempt(docker, container, 60_000, 5, (elapsedMs, line) => beats.push([elapsedMs, line]));
    expect(result).toMatchObject({ exitCode: 0, timedOut: false, logTail: "pulling shard 1\ndone" });
    expect(beats.length).toBeGreaterThanOrEqual(1);
    expect(beats[0][0]).toBeGreaterThanOrEqual(2000);
    expect(beats[0][1]).toBe("pulling shard 1");
    await expect(container.inspect()).rejects.toMatchObject({ statusCode: 404 });
  });
});
