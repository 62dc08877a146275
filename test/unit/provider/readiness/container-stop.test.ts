import type Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { describeStop, stopFromInspect, type ContainerStop } from "../../../../provider/readiness/container-stop";

function inspected(state: Partial<Docker.ContainerInspectInfo["State"]>, restartCount = 0): Docker.ContainerInspectInfo {
  return { State: { Status: "running", Running: true, Paused: false, Restarting: false, OOMKilled: false, ExitCode: 0, ...state }, RestartCount: restartCount } as Docker.ContainerInspectInfo;
}

describe("stopFromInspect", () => {
  it.each<{ name: string; info: Docker.ContainerInspectInfo | undefined; stop: ContainerStop | undefined }>([
    { name: "a running container has not stopped", info: inspected({}), stop: undefined },
    { name: "a paused one counts as stopped: the gate never passes against a frozen app", info: inspected({ Status: "paused", Paused: true }), stop: { exitCode: 0, oomKilled: false, restarting: false, removed: false, paused: true } },
    { name: "an exited one states its exit code", info: inspected({ Status: "exited", Running: false, ExitCode: 3 }), stop: { exitCode: 3, oomKilled: false, restarting: false, removed: false, paused: false } },
    { name: "a missing exit code counts as 1", info: inspected({ Status: "exited", Running: false, ExitCode: undefined }), stop: { exitCode: 1, oomKilled: false, restarting: false, removed: false, paused: false } },
    { name: "an OOM kill is told", info: inspected({ Status: "exited", Running: false, ExitCode: 137, OOMKilled: true }), stop: { exitCode: 137, oomKilled: true, restarting: false, removed: false, paused: false } },
    { name: "a restarting one has stopped", info: inspected({ Status: "restarting", Running: true, Restarting: true, ExitCode: 2 }, 4), stop: { exitCode: 2, oomKilled: false, restarting: true, removed: false, paused: false } },
    { name: "a removed one has stopped", info: undefined, stop: { exitCode: 1, oomKilled: false, restarting: false, removed: true, paused: false } },
  ])("$name", ({ info, stop }) => {
    expect(stopFromInspect(info)).toEqual(stop);
  });
});

describe("describeStop", () => {
  it.each<{ stop: ContainerStop; text: string }>([
    { stop: { exitCode: 3, oomKilled: false, restarting: false, removed: false, paused: false }, text: "the container exited with exit code 3" },
    { stop: { exitCode: 137, oomKilled: true, restarting: false, removed: false, paused: false }, text: "the container exited with exit code 137 (OOM-killed: it ran out of memory)" },
    { stop: { exitCode: 2, oomKilled: false, restarting: true, removed: false, paused: false }, text: "the container exited with exit code 2 and is being restarted by its restart policy" },
    { stop: { exitCode: 1, oomKilled: false, restarting: false, removed: true, paused: false }, text: "the container was removed" },
    { stop: { exitCode: 0, oomKilled: false, restarting: false, removed: false, paused: true }, text: "the container was paused (`docker pause`)" },
  ])("$text", ({ stop, text }) => {
    expect(describeStop(stop)).toBe(text);
  });
});
