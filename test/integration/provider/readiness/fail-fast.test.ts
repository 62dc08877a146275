import { afterAll, describe, expect, it } from "vitest";
import { retryUntil, waitUntilReady } from "../../../../provider/readiness";
import { redactor } from "../../../../provider/redaction";
import { gateFixture, readiness, timed } from "./gate-fixture";

const fixture = gateFixture("it-readiness-fail-fast");
afterAll(() => fixture.cleanup());

// A gate that would wait half a minute for a port nobody opens: only a crash can end it early.
const patient = readiness({ httpGet: { port: 80, path: "/healthz" }, periodSeconds: 0.1, deadlineSeconds: 30 });

describe("the readiness gate fails fast", () => {
  it("when the container exits, with the exit code and its log", async () => {
    const { target, hostPort } = await fixture.start("exits", { Cmd: ["sh", "-c", "echo starting; echo 'fatal: /etc/app.conf is missing' >&2; sleep 0.5; exit 3"] });
    const { ms, error } = await timed(waitUntilReady(patient, target));
    expect(ms).toBeLessThan(2_000);
    expect(error?.message).toMatch(
      new RegExp(`^${target.subject}: the container exited with exit code 3 after \\d+ ms, while waiting for http://127\\.0\\.0\\.1:${hostPort}/healthz\\. `),
    );
    // stdout and stderr are separate pipes: Docker may log two lines written a moment apart in either order.
    const tail = error?.message.split("Last 20 lines of the container log:\n")[1]?.split("\n");
    expect(tail?.sort()).toEqual(["fatal: /etc/app.conf is missing", "starting"]);
  });

  it("when the container has already exited before the gate starts", async () => {
    const { target } = await fixture.start("exited", { Cmd: ["sh", "-c", "echo gone; exit 4"] });
    await target.docker.getContainer(target.containerId).wait();
    const { ms, error } = await timed(waitUntilReady(patient, target));
    expect(ms).toBeLessThan(1_000);
    expect(error?.message).toMatch(/: the container exited with exit code 4 before its readiness could be probed\.\nLast 20 lines of the container log:\ngone$/);
  });

  it("when the container crashes and its restart policy brings it back", async () => {
    const { target } = await fixture.start("crash-once", {
      Cmd: ["sh", "-c", "echo 'run'; sleep 0.5; exit 2"],
      HostConfig: { RestartPolicy: { Name: "on-failure", MaximumRetryCount: 5 } },
    });
    const { ms, error } = await timed(waitUntilReady(patient, target));
    expect(ms).toBeLessThan(2_000);
    expect(error?.message).toContain("the container exited with exit code 2 and is being restarted by its restart policy");
    expect(error?.message).toMatch(/\nrun$/);
  });

  it("when the container is crash-looping", async () => {
    const { target } = await fixture.start("crash-loop", { Cmd: ["sh", "-c", "echo 'boom'; exit 5"], HostConfig: { RestartPolicy: { Name: "always" } } });
    const container = target.docker.getContainer(target.containerId);
    await retryUntil(() => container.inspect(), (info) => info.RestartCount >= 2, { deadlineMs: 10_000, periodMs: 50, what: "two restarts of the crash-looping container" });
    const { ms, error } = await timed(waitUntilReady(patient, target));
    expect(ms).toBeLessThan(2_000);
    expect(error?.message).toMatch(/the container exited with exit code 5 (and is being restarted by its restart policy )?(after \d+ ms, while waiting|before its readiness could be probed)/);
    expect(error?.message).toMatch(/\nboom$/);
  });

  it("when the container is OOM-killed, and says so", async () => {
    const { target } = await fixture.start("oom", {
      Cmd: ["sh", "-c", "echo 'loading model'; sleep 0.3; x=$(head -c 100000000 /dev/zero | tr '\\0' a)"],
      HostConfig: { Memory: 16 * 1024 * 1024, MemorySwap: 16 * 1024 * 1024 },
    });
    const { ms, error } = await timed(waitUntilReady(patient, target));
    expect(ms).toBeLessThan(3_000);
    expect(error?.message).toContain("the container exited with exit code 137 (OOM-killed: it ran out of memory)");
  });

  it("and redacts secret values from the log tail and the probe's errors", async () => {
    const secret = "tok-8f2a9c41e7";
    const { target } = await fixture.start("secret-log", { Env: [`API_TOKEN=${secret}`], Cmd: ["sh", "-c", 'echo "using token $API_TOKEN"; sleep 0.5; exit 1'] }, { redact: redactor([secret]) });
    const { error } = await timed(waitUntilReady(readiness({ exec: { command: ["sh", "-c", 'echo "token $API_TOKEN rejected"; exit 1'] }, periodSeconds: 0.1, deadlineSeconds: 30 }), target));
    expect(error?.message).toContain("exit code 1");
    expect(error?.message).toContain("using token [secret]");
    expect(error?.message).not.toContain(secret);

    const progress: string[] = [];
    const { target: slow } = await fixture.start("secret-exec", { Env: [`API_TOKEN=${secret}`], Cmd: ["sleep", "600"] }, { redact: redactor([secret]), onProgress: (m) => progress.push(m) });
    const { error: timeout } = await timed(waitUntilReady(readiness({ exec: { command: ["sh", "-c", 'echo "token $API_TOKEN rejected"; exit 1'] }, periodSeconds: 0.1, deadlineSeconds: 1 }), slow));
    expect(timeout?.message).toContain('last error: exit code 1: "token [secret] rejected"');
    expect(progress.join("\n")).toContain("token [secret] rejected");
    expect(`${timeout?.message}\n${progress.join("\n")}`).not.toContain(secret);
  });
});
