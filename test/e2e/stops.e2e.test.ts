import type { Readable } from "stream";
import { afterAll, describe, expect, it } from "vitest";
import { berthObjects, testDocker } from "../support/docker";
import { PulumiProgram } from "../support/pulumi-program";

const programs: PulumiProgram[] = [];
afterAll(() => Promise.all(programs.map((p) => p.dispose())));

async function stack(config: Record<string, string>): Promise<PulumiProgram> {
  const program = new PulumiProgram("test/e2e/programs/stops");
  programs.push(program);
  await program.init(config);
  return program;
}

interface ContainerEvent {
  id: string;
  Action: string;
  timeNano: number;
  Actor: { Attributes: Record<string, string> };
}

/**
 * Records the kills and deaths of a project's containers as the daemon sees
 * them, live (the daemon keeps only its last 256 events for a later look).
 * `stopsOf` gives how long each stop of a container took, in seconds: from
 * its SIGTERM to its death; so the Pulumi CLI's own seconds on a busy machine
 * do not blur the measure.
 */
async function recordStops(project: string) {
  const stream = (await testDocker().getEvents({ filters: { type: ["container"], event: ["kill", "die"], label: [`dev.berth.project=${project}`] } })) as Readable;
  let text = "";
  stream.on("data", (chunk) => (text += chunk));
  return {
    /** A stop answers once the container is dead; its events may still be on their way. */
    caughtUp: () => new Promise((resolve) => setTimeout(resolve, 500)),
    stopsOf(containerId: string): number[] {
      const events: ContainerEvent[] = text.split("\n").filter(Boolean).map((line) => JSON.parse(line));
      const stops: number[] = [];
      let term: number | undefined;
      for (const event of events.filter((e) => e.id === containerId)) {
        if (event.Action === "kill" && event.Actor.Attributes.signal === "15" && term === undefined) term = event.timeNano;
        if (event.Action === "die" && term !== undefined) {
          stops.push((event.timeNano - term) / 1e9);
          term = undefined;
        }
      }
      return stops;
    },
    end: () => stream.destroy(),
  };
}

/** Stops, each of which waited out the grace period of a server ignoring SIGTERM: never cut short, never doubled. */
function expectStopsOf(stops: number[], count: number, grace: number): void {
  expect(stops).toHaveLength(count);
  for (const seconds of stops) {
    expect(seconds).toBeGreaterThanOrEqual(grace - 0.1);
    expect(seconds).toBeLessThan(grace + 2);
  }
}

// All stacks side by side: the file takes as long as its slowest test.
describe.concurrent("a stop takes as long as its grace period, and no longer, through the Pulumi CLI", () => {
  it.each([0, 10, 30])("grace %i s: replacement, running: false and destroy each wait it out, and leave nothing", async (grace) => {
    const program = await stack({ grace: String(grace) });
    const recorded = await recordStops(program.project);
    try {
      await program.up();
      const [first] = (await program.outputs()).containerIds;

      await program.setConfig("generation", "2");
      await program.up();
      const [second] = (await program.outputs()).containerIds;
      expect(second).not.toBe(first);
      await recorded.caughtUp();
      expectStopsOf(recorded.stopsOf(first), 1, grace);
      await expect(testDocker().getContainer(first).inspect()).rejects.toMatchObject({ statusCode: 404 });

      await program.setConfig("running", "false");
      await program.up();
      expect((await testDocker().getContainer(second).inspect()).State).toMatchObject({ Running: false, ExitCode: 137 });
      await recorded.caughtUp();
      expectStopsOf(recorded.stopsOf(second), 1, grace);

      await program.setConfig("running", "true");
      await program.up();
      await program.destroy();
      await recorded.caughtUp();
      expectStopsOf(recorded.stopsOf(second), 2, grace);
      expect(await berthObjects(testDocker(), program.project)).toEqual({ containers: [], volumes: [] });
    } finally {
      recorded.end();
    }
  }, 400_000);

  it("a pulumi destroy of 50 deployments ignoring SIGTERM with a 12 s grace period succeeds in one run", async () => {
    const program = await stack({ grace: "12", count: "50" });
    await program.up();
    const ids: string[] = (await program.outputs()).containerIds;
    expect(ids).toHaveLength(50);
    const recorded = await recordStops(program.project);
    try {
      await program.destroy();
      expect(await berthObjects(testDocker(), program.project)).toEqual({ containers: [], volumes: [] });
      await recorded.caughtUp();
      for (const id of ids) expectStopsOf(recorded.stopsOf(id), 1, 12);
    } finally {
      recorded.end();
    }
  }, 600_000);
});
