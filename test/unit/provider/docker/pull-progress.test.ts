import { describe, expect, it } from "vitest";
import { PullProgress } from "../../../../provider/docker/pull-progress";

const MiB = 1024 * 1024;

describe("PullProgress", () => {
  it("folds Docker's per-layer messages into layers done and bytes downloaded", () => {
    const progress = new PullProgress();
    expect(progress.record({ status: "Pulling from team/app", id: "1" })).toBe(false);
    for (const id of ["a", "b", "c"]) progress.record({ status: "Pulling fs layer", id });
    progress.record({ status: "Already exists", id: "c" });
    expect(progress.summary()).toBe("1 of 3 layers done");
    progress.record({ status: "Downloading", id: "a", progressDetail: { current: 10 * MiB, total: 100 * MiB } });
    progress.record({ status: "Downloading", id: "b", progressDetail: { current: 5 * MiB, total: 50 * MiB } });
    expect(progress.summary()).toBe("1 of 3 layers done, 15.0 of 150.0 MiB downloaded");
    progress.record({ status: "Download complete", id: "a" });
    progress.record({ status: "Extracting", id: "a", progressDetail: { current: 1, total: 100 * MiB } });
    expect(progress.summary()).toBe("1 of 3 layers done, 105.0 of 150.0 MiB downloaded, extracting");
    progress.record({ status: "Pull complete", id: "a" });
    progress.record({ status: "Verifying Checksum", id: "b" });
    progress.record({ status: "Pull complete", id: "b" });
    expect(progress.summary()).toBe("3 of 3 layers done, 150.0 of 150.0 MiB downloaded");
  });

  it("says when the daemon waits to retry a failed layer download, keeping the bytes it had", () => {
    const progress = new PullProgress();
    progress.record({ status: "Pulling fs layer", id: "a" });
    progress.record({ status: "Downloading", id: "a", progressDetail: { current: 12 * MiB, total: 100 * MiB } });
    expect(progress.record({ status: "Retrying in 10 seconds", id: "a" })).toBe(true);
    expect(progress.summary()).toBe("0 of 1 layers done, 12.0 of 100.0 MiB downloaded, a layer download failed: the daemon retries in 10 s");
    progress.record({ status: "Retrying in 1 second", id: "a" });
    expect(progress.summary()).toBe("0 of 1 layers done, 12.0 of 100.0 MiB downloaded, a layer download failed: the daemon retries in 1 s");
    progress.record({ status: "Downloading", id: "a", progressDetail: { current: 20 * MiB, total: 100 * MiB } });
    expect(progress.summary()).toBe("0 of 1 layers done, 20.0 of 100.0 MiB downloaded");
  });

  it("ignores messages that are not about a layer", () => {
    const progress = new PullProgress();
    for (const event of [{ status: "Digest: sha256:abc" }, { status: "Status: Downloaded newer image for x:1" }, { status: "Downloading" }]) {
      expect(progress.record(event)).toBe(false);
    }
    expect(progress.summary()).toBe("0 of 0 layers done");
  });
});
