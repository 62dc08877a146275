import { execFileSync } from "child_process";
import Docker from "dockerode";
import { afterAll, describe, expect, it } from "vitest";
import { ensureImage } from "../../../provider/docker/image";
import { PULL_PROGRESS_MS } from "../../../provider/docker/pull-progress";
import { extraHostUrls } from "../../support/docker";
import { ensureLargeImage } from "../../support/large-image";

const registry = process.env.BERTH_REGISTRY ?? "127.0.0.1:5310";
const reference = `${registry}/team/large-${process.pid}:1`;
const hostUrl = extraHostUrls()[0];
const host = new Docker({ socketPath: new URL(hostUrl).pathname });

afterAll(async () => {
  await host.getImage(reference).remove().catch(() => undefined);
});

describe("pull progress", () => {
  it("reports layers and bytes of a large pull from a registry, at most once per second", async () => {
    execFileSync("docker", ["tag", ensureLargeImage(), reference]);
    execFileSync("docker", ["push", reference], { stdio: "ignore" });
    execFileSync("docker", ["rmi", reference], { stdio: "ignore" });

    const messages: Array<{ at: number; message: string }> = [];
    const image = await ensureImage(host, reference, "Always", undefined, (message) => messages.push({ at: performance.now(), message }));
    expect(image.id).toMatch(/^sha256:/);

    expect(messages[0].message).toBe(`pulling ${reference}`);
    const summaries = messages.slice(1).map((m) => m.message);
    expect(summaries.length).toBeGreaterThan(0);
    for (const summary of summaries) expect(summary).toMatch(new RegExp(`^pulling ${reference.replace(/\./g, "\\.")}: \\d+ of \\d+ layers done(, [\\d.]+ of [\\d.]+ MiB downloaded)?(, extracting)?$`));
    // The three 100 MiB layers show up as bytes before the pull ends.
    expect(summaries.some((s) => /of (2\d\d|3\d\d)\.\d MiB downloaded/.test(s))).toBe(true);
    for (let i = 1; i < messages.length; i++) expect(messages[i].at - messages[i - 1].at).toBeGreaterThanOrEqual(PULL_PROGRESS_MS - 1);
  });
});
