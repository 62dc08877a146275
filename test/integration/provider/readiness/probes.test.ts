import { afterAll, describe, expect, it } from "vitest";
import { waitUntilReady } from "../../../../provider/readiness";
import { gateFixture, readiness, timed } from "./gate-fixture";

const fixture = gateFixture("it-readiness-probes");
afterAll(() => fixture.cleanup());

const serveAfter = (seconds: number) => ["sh", "-c", `echo booting; sleep ${seconds}; exec httpd -f -p 80 -h /www`];

describe("readiness probes against the real daemon", () => {
  it("httpGet waits for the app to answer on the published port, and reports progress meanwhile", async () => {
    const progress: string[] = [];
    const { target, hostPort } = await fixture.start("http-delay", { Cmd: serveAfter(1) }, { onProgress: (m) => progress.push(m) });
    
    const { ms, error } = await timed(waitUntilReady(readiness({ httpGet: { port: 80 }, periodSeconds: 0.05, deadlineSeconds: 20 }), target));

    expect(error).toBeUndefined();
    expect(ms).toBeGreaterThan(800);
    expect(progress[0]).toMatch(new RegExp(`^waiting for http://127\\.0\\.0\\.1:${hostPort}/ \\(attempt 1, last: connection closed without an answer: nothing listens yet, or the app listens on 127\\.0\\.0\\.1 only instead of 0\\.0\\.0\\.0\\)$`));
    // Throttled: about two a second, although the probe ran twenty times a second.
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(ms / 500) + 1);
  });

  it("httpGet never passes on HTTP 500, and the timeout says how long and for what", async () => {
    // A CGI script that answers with status 500.
    const cgi = String.raw`printf '#!/bin/sh\necho -ne "Status: 500 Internal Server Error\\r\\n\\r\\n"\n' > /www/cgi-bin/fail`;
    const { target, hostPort } = await fixture.start("http-500", {
      Cmd: ["sh", "-c", `mkdir -p /www/cgi-bin && ${cgi} && chmod +x /www/cgi-bin/fail && exec httpd -f -p 80 -h /www`],
    });
    const url = `http://127.0.0.1:${hostPort}/cgi-bin/fail`;

    const { ms, error } = await timed(waitUntilReady(readiness({ httpGet: { port: "http", path: "/cgi-bin/fail" }, periodSeconds: 0.1, deadlineSeconds: 1.5 }), target));

    expect(error?.message).toContain(`${target.subject}: timed out after 1500 ms waiting for ${url} (`);
    expect(error?.message).toMatch(/ \(\d+ attempts, last error: HTTP 500\)\. /);
    expect(error?.message).toContain("Last 20 lines of the container log:");
    expect(ms).toBeGreaterThan(1_300);
    expect(ms).toBeLessThan(3_000);
  });

  it("gives up after failureThreshold failed attempts in a row, long before the deadline", async () => {
    const { target, hostPort } = await fixture.start("give-up", { Cmd: ["sh", "-c", "echo 'listening on :8080 instead'; exec sleep 600"] });
    const { ms, error } = await timed(waitUntilReady(readiness({ httpGet: { port: 80 }, periodSeconds: 0.05, failureThreshold: 3, deadlineSeconds: 60 }), target));
    expect(ms).toBeLessThan(2_000);
    expect(error?.message).toMatch(
      new RegExp(`^${target.subject}: gave up after 3 failed attempts in a row \\(\`readiness\\.failureThreshold\`\\) and \\d+ ms waiting for http://127\\.0\\.0\\.1:${hostPort}/; last error: connection closed without an answer: nothing listens yet, or the app listens on 127\\.0\\.0\\.1 only instead of 0\\.0\\.0\\.0\\. `),
    );
    expect(error?.message).toMatch(/\nlistening on :8080 instead$/);
  });

  it("tcpSocket waits for a listener behind Docker's port proxy", async () => {
    const { target } = await fixture.start("tcp-delay", { Cmd: serveAfter(1) });
    const { ms, error } = await timed(waitUntilReady(readiness({ tcpSocket: { port: 80 }, periodSeconds: 0.05, deadlineSeconds: 20 }), target));
    expect(error).toBeUndefined();
    expect(ms).toBeGreaterThan(800);
  });

  it("says that an app may be listening on loopback only, where no published port reaches it", async () => {
    const { target } = await fixture.start("loopback", { Cmd: ["httpd", "-f", "-p", "127.0.0.1:80", "-h", "/www"] });
    const { error } = await timed(waitUntilReady(readiness({ httpGet: { port: 80 }, periodSeconds: 0.05, deadlineSeconds: 1 }), target));
    expect(error?.message).toContain("the app listens on 127.0.0.1 only instead of 0.0.0.0");
  });

  it("tcpSocket is not fooled by the proxy accepting while nothing listens", async () => {
    const { target, hostPort } = await fixture.start("tcp-none", { Cmd: ["sleep", "600"] });
    const { error } = await timed(waitUntilReady(readiness({ tcpSocket: { port: 80 }, deadlineSeconds: 1 }), target));
    expect(error?.message).toContain(`timed out after 1000 ms waiting for tcp://127.0.0.1:${hostPort}`);
    expect(error?.message).toMatch(/last error: (connection closed at once: nothing listens yet|connection refused)/);
  });

  it("exec passes once the command exits 0, given as argv and never through a shell", async () => {
    // The file name holds a space: a shell would split it into two arguments and never pass.
    const { target } = await fixture.start("exec-file", { Cmd: ["sh", "-c", "sleep 1; touch '/tmp/ready now'; exec sleep 600"] });
    const { ms, error } = await timed(waitUntilReady(readiness({ exec: { command: ["cat", "/tmp/ready now"] }, periodSeconds: 0.1, deadlineSeconds: 20 }), target));
    expect(error).toBeUndefined();
    expect(ms).toBeGreaterThan(800);
  });

  it("exec fails with the exit code and the command's output", async () => {
    const { target } = await fixture.start("exec-fail", { Cmd: ["sleep", "600"] });
    const { error } = await timed(waitUntilReady(readiness({ exec: { command: ["cat", "/tmp/never"] }, periodSeconds: 0.2, deadlineSeconds: 1 }), target));
    expect(error?.message).toContain('timed out after 1000 ms waiting for exec ["cat","/tmp/never"]');
    expect(error?.message).toMatch(/last error: exit code 1: "cat: can't open '\/tmp\/never': No such file or directory"/);
  });

  it("logLine waits until the pattern has matched the given number of times, on stdout and stderr", async () => {
    const { target } = await fixture.start("log-lines", {
      Cmd: ["sh", "-c", "for i in 1 2; do echo \"worker $i up\"; sleep 0.4; done; echo 'worker 3 up' >&2; exec sleep 600"],
    });
    const { ms, error } = await timed(waitUntilReady(readiness({ logLine: { pattern: "^worker \\d up$", times: 3 }, periodSeconds: 0.05, deadlineSeconds: 20 }), target));
    expect(error).toBeUndefined();
    expect(ms).toBeGreaterThan(600);
  });

  it("logLine times out saying how many matches it saw", async () => {
    const { target } = await fixture.start("log-short", { Cmd: ["sh", "-c", "echo 'worker 1 up'; exec sleep 600"] });
    const { error } = await timed(waitUntilReady(readiness({ logLine: { pattern: "worker \\d up", times: 2 }, deadlineSeconds: 1 }), target));
    expect(error?.message).toContain("waiting for 2 log lines matching /worker \\d up/ (");
    expect(error?.message).toContain("last error: matched 1 of 2 times so far");
    expect(error?.message).toMatch(/Last 20 lines of the container log:\nworker 1 up$/);
  });

  it("dockerHealthcheck waits for the container's HEALTHCHECK to report healthy", async () => {
    const { target } = await fixture.start("healthcheck", {
      Cmd: ["sh", "-c", "sleep 1; touch /tmp/healthy; exec sleep 600"],
      Healthcheck: { Test: ["CMD", "test", "-e", "/tmp/healthy"], Interval: 100_000_000, Timeout: 1_000_000_000, Retries: 1 },
    });
    const { ms, error } = await timed(waitUntilReady(readiness({ dockerHealthcheck: true, periodSeconds: 0.05, deadlineSeconds: 20 }), target));
    expect(error).toBeUndefined();
    expect(ms).toBeGreaterThan(800);
  });

  it("dockerHealthcheck passes at once for a trivially healthy container", async () => {
    const { target } = await fixture.start("healthcheck-true", {
      Cmd: ["sleep", "600"],
      Healthcheck: { Test: ["CMD", "true"], Interval: 100_000_000, Timeout: 1_000_000_000, Retries: 1 },
    });
    const { ms, error } = await timed(waitUntilReady(readiness({ dockerHealthcheck: true, periodSeconds: 0.05, deadlineSeconds: 20 }), target));
    expect(error).toBeUndefined();
    expect(ms).toBeLessThan(2_000);
  });

  it("dockerHealthcheck fails at once when there is no HEALTHCHECK", async () => {
    const { target } = await fixture.start("no-healthcheck", { Cmd: ["sleep", "600"] });
    const { ms, error } = await timed(waitUntilReady(readiness({ dockerHealthcheck: true, deadlineSeconds: 30 }), target));
    expect(error?.message).toBe(
      `${target.subject}: \`readiness.dockerHealthcheck\` is set, but image "berth.local/web:latest" defines no HEALTHCHECK and the container has none. Give the resource a \`healthcheck: { test: [...] }\`, add a HEALTHCHECK to the image, or use \`httpGet\`, \`tcpSocket\`, \`exec\` or \`logLine\``,
    );
    expect(ms).toBeLessThan(1_000);
  });

  it("several kinds must all pass in the same attempt", async () => {
    const { target } = await fixture.start("composite", {
      Cmd: ["sh", "-c", "httpd -p 80 -h /www; sleep 1; echo 'migrations done'; touch /tmp/ready; exec sleep 600"],
    });
    const gate = readiness({ httpGet: { port: 80 }, logLine: { pattern: "migrations done" }, exec: { command: ["cat", "/tmp/ready"] }, periodSeconds: 0.05, deadlineSeconds: 20 });
    const { ms, error } = await timed(waitUntilReady(gate, target));
    expect(error).toBeUndefined();
    expect(ms).toBeGreaterThan(800);
  });
});
