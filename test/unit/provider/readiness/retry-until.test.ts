import { describe, expect, it } from "vitest";
import { retryUntil, WaitTimeoutError } from "../../../../provider/readiness";
import { FakeClock } from "./fake-clock";

/** An attempt that records when it started, takes `durationMs` of virtual time, and answers its attempt number. */
function timedAttempt(clock: FakeClock, durationMs = 0) {
  const starts: number[] = [];
  const attempt = async () => {
    starts.push(clock.now());
    if (durationMs > 0) await clock.sleep(durationMs);
    return starts.length;
  };
  return { attempt, starts };
}

describe("retryUntil", () => {
  it.each([
    { name: "spaces attempt starts by the period", periodMs: 100, durationMs: 30, initialDelayMs: 0, doneAt: 3, starts: [0, 100, 200] },
    { name: "starts the next attempt at once after a slow one", periodMs: 100, durationMs: 250, initialDelayMs: 0, doneAt: 3, starts: [0, 250, 500] },
    { name: "waits the initial delay before the first attempt", periodMs: 50, durationMs: 0, initialDelayMs: 400, doneAt: 2, starts: [400, 450] },
    { name: "returns the first result that is done", periodMs: 10, durationMs: 0, initialDelayMs: 0, doneAt: 1, starts: [0] },
  ])("$name", async ({ periodMs, durationMs, initialDelayMs, doneAt, starts }) => {
    const clock = new FakeClock();
    const { attempt, starts: seen } = timedAttempt(clock, durationMs);
    const result = await retryUntil(attempt, (n) => n >= doneAt, { deadlineMs: 10_000, periodMs, initialDelayMs, what: "test", clock });
    expect(result).toBe(doneAt);
    expect(seen).toEqual(starts);
  });

  it("gives up when no further attempt can start before the deadline, stating the milliseconds and what it awaited", async () => {
    const clock = new FakeClock();
    const { attempt, starts } = timedAttempt(clock);
    const wait = retryUntil(attempt, () => false, { deadlineMs: 1_000, periodMs: 300, what: "http://10.0.0.5:8080/healthz", clock });
    await expect(wait).rejects.toBeInstanceOf(WaitTimeoutError);
    await expect(wait).rejects.toThrow("timed out after 1000 ms waiting for http://10.0.0.5:8080/healthz");
    expect(starts).toEqual([0, 300, 600, 900]);
    expect(clock.now()).toBe(900);
  });

  it("times out without an attempt when the initial delay reaches the deadline", async () => {
    const clock = new FakeClock();
    const { attempt, starts } = timedAttempt(clock);
    await expect(retryUntil(attempt, () => true, { deadlineMs: 500, periodMs: 10, initialDelayMs: 500, what: "x", clock })).rejects.toBeInstanceOf(WaitTimeoutError);
    expect(starts).toEqual([]);
  });

  it("ends the wait with the signal's reason as soon as it aborts, even mid-sleep", async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const { attempt, starts } = timedAttempt(clock);
    const wait = retryUntil(attempt, () => false, { deadlineMs: 60_000, periodMs: 10_000, what: "x", clock, signal: controller.signal });
    // Queued before the clock's wake-up (which the loop asks for a few microtasks later): aborts mid-sleep.
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error("container exited"));
    await expect(wait).rejects.toThrow("container exited");
    expect(starts).toEqual([0]);
    expect(clock.now()).toBe(0);
  });

  it("lets an error from an attempt end the wait", async () => {
    const clock = new FakeClock();
    const attempt = async () => {
      throw new Error("daemon gone");
    };
    await expect(retryUntil(attempt, () => false, { deadlineMs: 1_000, periodMs: 10, what: "x", clock })).rejects.toThrow("daemon gone");
  });
});
