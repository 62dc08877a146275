import type Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { containerStatus, countsAsRunning } from "../../../../provider/docker/container-status";
import { conflictingPort } from "../../../../provider/docker/host-ports";
import { isImageReference, withDefaultTag } from "../../../../provider/docker/image-reference";
import { createLabels, isOwnedBy } from "../../../../provider/docker/labels";
import { memoryBytes } from "../../../../provider/docker/memory-size";
import { lowestFreePorts } from "../../../../provider/docker/port-allocation";

describe("lowestFreePorts", () => {
  it.each([
    [2, { from: 30000, to: 30005 }, [], [30000, 30001]],
    [2, { from: 30000, to: 30005 }, [30000, 30002], [30001, 30003]],
    [1, { from: 30000, to: 30000 }, [], [30000]],
    [2, { from: 30000, to: 30001 }, [30001], undefined],
    [3, { from: 30000, to: 30002 }, [], [30000, 30001, 30002]],
  ])("%i from %j without %j is %j", (count, range, taken, expected) => {
    expect(lowestFreePorts(count, range, new Set(taken))).toEqual(expected);
  });
});

describe("conflictingPort", () => {
  it.each([
    ["driver failed programming external connectivity on endpoint x: Bind for 0.0.0.0:8080 failed: port is already allocated", 8080],
    ["Error starting userland proxy: listen tcp4 0.0.0.0:30001: bind: address already in use", 30001],
    ["Bind for [::]:9000 failed: port is already allocated", 9000],
    ["No such image: web", undefined],
  ])("%s", (message, expected) => {
    expect(conflictingPort(message)).toBe(expected);
  });
});

describe("image references", () => {
  it.each(["nginx", "nginx:1.27", "berth.local/web:latest", "registry:5000/team/app:v1", "ghcr.io/org/app@sha256:" + "a".repeat(64), "sha256:" + "b".repeat(64)])(
    "accepts %s",
    (ref) => expect(isImageReference(ref)).toBe(true),
  );
  it.each(["", "Nginx", "nginx:", "nginx::1", "-web", "web latest", "registry:5000/", "app@sha256:123"])("rejects %j", (ref) =>
    expect(isImageReference(ref)).toBe(false),
  );
  it.each([
    ["nginx", "nginx:latest"],
    ["registry:5000/app", "registry:5000/app:latest"],
    ["registry:5000/app:v1", "registry:5000/app:v1"],
  ])("%s resolves as %s", (ref, expected) => expect(withDefaultTag(ref)).toBe(expected));
});

describe("memoryBytes", () => {
  it.each([
    ["512m", 512 * 1024 ** 2],
    ["512Mi", 512 * 1024 ** 2],
    ["2g", 2 * 1024 ** 3],
    ["1.5G", 1.5 * 1024 ** 3],
    [1048576, 1048576],
    ["lots", undefined],
    ["0m", undefined],
    [-1, undefined],
  ])("%j is %j bytes", (size, expected) => expect(memoryBytes(size)).toBe(expected));
});

function inspected(state: Partial<Docker.ContainerInspectInfo["State"]>, restartCount = 0): Docker.ContainerInspectInfo {
  return { State: { Status: "running", Running: false, Paused: false, Restarting: false, OOMKilled: false, ExitCode: 0, StartedAt: "2026-11-22T06:00:00Z", ...state }, RestartCount: restartCount } as any;
}

describe("containerStatus", () => {
  it.each([
    ["created", { Status: "created" }, "created", false],
    ["restarting", { Status: "restarting", Running: true, Restarting: true }, "restarting", true],
    ["running", { Status: "running", Running: true }, "running", true],
    ["paused", { Status: "paused", Running: true, Paused: true }, "paused", false],
    ["exited", { Status: "exited" }, "exited", false],
    ["dead", { Status: "dead" }, "exited", false],
  ] as const)("%s maps to %s", (_what, state, expected, running) => {
    expect(containerStatus(inspected(state)).state).toBe(expected);
    expect(countsAsRunning(containerStatus(inspected(state)).state)).toBe(running);
  });

  it("reports a missing container as gone, with exit code 1", () => {
    expect(containerStatus(undefined)).toMatchObject({ state: "gone", exitCode: 1 });
  });

  it("counts a missing exit code as 1 and reports OOM kills", () => {
    expect(containerStatus(inspected({ Status: "exited", ExitCode: undefined as any, OOMKilled: true }))).toMatchObject({ exitCode: 1, oomKilled: true });
  });

  it("drops Docker's zero start time", () => {
    expect(containerStatus(inspected({ Status: "created", StartedAt: "0001-01-01T00:00:00Z" })).startedAt).toBeUndefined();
  });
});

describe("labels", () => {
  const owner = { project: "p", stack: "s", resource: "r" };
  it("puts berth's facts over the user's labels", () => {
    const labels = createLabels({ kind: "deployment", owner, specHash: "abc", ports: [30000, 30001] }, { team: "ml", "dev.berth.project": "forged" });
    expect(labels).toMatchObject({ team: "ml", "dev.berth.project": "p", "dev.berth.ports": "30000,30001", "dev.berth.managed-by": "berth" });
    expect(isOwnedBy(labels, owner)).toBe(true);
    expect(isOwnedBy(labels, { ...owner, stack: "other" })).toBe(false);
    expect(isOwnedBy({ team: "ml" }, owner)).toBe(false);
  });

  it("clears every label of the image under berth's prefix that berth does not write, and overrides the rest", () => {
    const image = { "dev.berth.sidecar-of": "other-main", "dev.berth.gpus": "0,1", "dev.berth.resource": "victim", "dev.berth.extra": "x", maintainer: "someone" };
    const labels = createLabels({ kind: "deployment", owner, specHash: "abc", containerName: "p-s-r-1" }, { team: "ml" }, image);
    expect(labels).toEqual({
      team: "ml",
      "dev.berth.sidecar-of": "",
      "dev.berth.gpus": "",
      "dev.berth.extra": "",
      "dev.berth.managed-by": "berth",
      "dev.berth.kind": "deployment",
      "dev.berth.project": "p",
      "dev.berth.stack": "s",
      "dev.berth.resource": "r",
      "dev.berth.spec-hash": "abc",
      "dev.berth.container-name": "p-s-r-1",
    });
  });
});
