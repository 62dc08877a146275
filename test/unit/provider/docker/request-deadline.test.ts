import type Docker from "dockerode";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ANSWER_DEADLINE_MS, boundRequests, requestDeadlineMs, STOP_MARGIN_MS, type DockerRequest } from "../../../../provider/docker/request-deadline";

describe("requestDeadlineMs", () => {
  it.each<[string, DockerRequest, number | undefined]>([
    ["a stop: its grace period and a margin", { method: "POST", path: "/containers/abc/stop?", options: { t: 30 } }, 30_000 + STOP_MARGIN_MS],
    ["a stop without grace: the margin", { method: "POST", path: "/containers/abc/stop?", options: { t: 0 } }, STOP_MARGIN_MS],
    ["a restart: its grace period and a margin", { method: "POST", path: "/containers/abc/restart?", options: { t: 12 } }, 12_000 + STOP_MARGIN_MS],
    ["a stop that leaves the grace period to the container: unbounded here", { method: "POST", path: "/containers/abc/stop?", options: {} }, undefined],
    ["waiting for an exit: the job's timeout bounds it", { method: "POST", path: "/containers/abc/wait?", options: { condition: "next-exit" } }, undefined],
    ["a call with its own abort signal: that signal", { method: "GET", path: "/containers/json?", abortSignal: new AbortController().signal }, undefined],
    ["an inspect", { method: "GET", path: "/containers/abc/json" }, ANSWER_DEADLINE_MS],
    ["a forced remove", { method: "DELETE", path: "/containers/abc?", options: { force: true } }, ANSWER_DEADLINE_MS],
    ["a log stream, until it answers", { method: "GET", path: "/containers/abc/logs?", options: { follow: true }, isStream: true }, ANSWER_DEADLINE_MS],
    ["a container named stop", { method: "GET", path: "/containers/stop/json" }, ANSWER_DEADLINE_MS],
  ])("%s", (_what, request, expected) => {
    expect(requestDeadlineMs(request)).toBe(expected);
  });
});

describe("boundRequests", () => {
  afterEach(() => vi.useRealTimers());

  function client(answerAfterMs: number | undefined) {
    const seen: DockerRequest[] = [];
    const modem = {
      dial(options: DockerRequest, callback: (err: unknown, data?: unknown) => void) {
        seen.push(options);
        options.abortSignal?.addEventListener("abort", () => callback(new Error("aborted")));
        if (answerAfterMs !== undefined) setTimeout(() => callback(null, "answer"), answerAfterMs);
      },
    };
    const docker = { modem } as unknown as Docker;
    boundRequests(docker, "unix:///run/h1.sock");
    const call = (request: DockerRequest) => new Promise((resolve, reject) => (docker.modem as any).dial(request, (err: unknown, data: unknown) => (err ? reject(err) : resolve(data))));
    return { seen, call };
  }

  it("fails a call the daemon does not answer by its deadline, naming host, call and milliseconds", async () => {
    vi.useFakeTimers();
    const { call } = client(undefined);
    const answer = call({ method: "POST", path: "/containers/abc/stop?", options: { t: 10 } });
    vi.advanceTimersByTime(10_000 + STOP_MARGIN_MS);
    await expect(answer).rejects.toThrow(`host unix:///run/h1.sock did not answer POST /containers/abc/stop within ${10_000 + STOP_MARGIN_MS} ms`);
  });

  it("lets a stop take its whole grace period", async () => {
    vi.useFakeTimers();
    const { call } = client(29_000);
    const answer = call({ method: "POST", path: "/containers/abc/stop?", options: { t: 30 } });
    vi.advanceTimersByTime(29_000);
    await expect(answer).resolves.toBe("answer");
  });

  it("leaves calls without a deadline as they are", () => {
    const { seen, call } = client(0);
    void call({ method: "POST", path: "/containers/abc/wait?" });
    expect(seen[0].abortSignal).toBeUndefined();
  });
});
