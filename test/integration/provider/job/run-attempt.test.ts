import { afterAll, describe, expect, it } from "vitest";
import { runAttempt } from "../../../../provider/job/run-attempt";
import { sweep, testDocker, uniqueProject } from "../../../support/docker";

const docker = testDocker();
const project = uniqueProject("it-attempt");

afterAll(() => sweep(docker, project));

describe("one attempt of a job", () => {
  it("tells, while it runs, how long it has run and the end of its log, never after it is over, and leaves the exited container to the caller", async () => {
    const container = await docker.createContainer({
      Image: "berth.local/busybox:latest",
      // Two heartbeats' time, so that a loaded machine still sees one.
      Cmd: ["sh", "-c", "echo pulling shard 1; sleep 4.5; echo done"],
      Labels: { "dev.berth.managed-by": "berth", "dev.berth.project": project },
    });
    const beats: Array<[number, string]> = [];
    const result = await runAttempt(docker, container, 60_000, 5, (text) => text, (elapsedMs, logEnd) => beats.push([elapsedMs, logEnd]));
    const beatsAtReturn = beats.length;
    // A log read under way when the attempt ended must not report afterwards.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(beats).toHaveLength(beatsAtReturn);
    expect(result).toMatchObject({ exitCode: 0, timedOut: false, logTail: "pulling shard 1\ndone" });
    expect(beats.length).toBeGreaterThanOrEqual(1);
    for (const [elapsedMs, logEnd] of beats) {
      expect(elapsedMs).toBeGreaterThanOrEqual(2000);
      expect(["pulling shard 1\n", "done\n"]).toContain(logEnd);
    }
    expect(beats[0][1]).toBe("pulling shard 1\n");
    expect((await container.inspect()).State).toMatchObject({ Status: "exited", ExitCode: 0 });
  });

  it("removes the container when the attempt itself fails", async () => {
    const container = await docker.createContainer({
      Image: "berth.local/busybox:latest",
      Cmd: ["/no/such/program"],
      Labels: { "dev.berth.managed-by": "berth", "dev.berth.project": project },
    });
    await expect(runAttempt(docker, container, 60_000, 5, (text) => text, () => undefined)).rejects.toThrow(/no such file or directory/);
    await expect(container.inspect()).rejects.toMatchObject({ statusCode: 404 });
  });
});
