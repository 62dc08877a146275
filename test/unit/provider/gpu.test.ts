import { describe, expect, it } from "vitest";
import { allocateGpus } from "../../../provider/gpu/gpu-allocation";
import { gpuWiring } from "../../../provider/gpu/gpu-wiring";

const inventory = ["0", "1", "2", "3"];

describe("allocateGpus", () => {
  it.each([
    ["a count from an empty pool", [], 2, { ids: ["0", "1"] }],
    ["the lowest free ids", [{ holder: "p/s/a", ids: ["0", "2"] }], 2, { ids: ["1", "3"] }],
    ["zero GPUs", [{ holder: "p/s/a", ids: inventory }], 0, { ids: [] }],
    ["explicit free ids", [{ holder: "p/s/a", ids: ["0"] }], ["2", "3"], { ids: ["2", "3"] }],
    ["holdings outside the inventory are ignored", [{ holder: "p/s/old", ids: ["7", "9"] }], 4, { ids: inventory }],
  ])("gives %s", (_what, holdings, request, expected) => {
    expect(allocateGpus(inventory, holdings, request)).toEqual(expected);
  });

  it.each([
    ["more than are free, naming the holders", [{ holder: "ml/prod/trainer", ids: ["0", "1", "2"] }], 2, "asks for 2 GPUs but only 1 of 4 are free (ml/prod/trainer holds 0,1,2)"],
    ["more than the host has", [], 5, "asks for 5 GPUs but the host has 4 (0,1,2,3)"],
    ["explicit ids that are taken", [{ holder: "ml/dev/notebook", ids: ["1"] }], ["1", "2"], "asks for GPU ids 1,2 but 1 is held by ml/dev/notebook"],
    ["ids the host does not have", [], ["4"], "asks for GPU ids 4 that the host does not have (it has 0,1,2,3)"],
  ])("refuses %s, all or nothing", (_what, holdings, request, error) => {
    expect(allocateGpus(inventory, holdings, request)).toEqual({ error });
  });
});

describe("gpuWiring", () => {
  it("asks nothing of Docker without GPUs", () => {
    expect(gpuWiring({ vendor: "nvidia", ids: inventory }, [])).toEqual({ hostConfig: {}, env: [] });
    expect(gpuWiring(undefined, [])).toEqual({ hostConfig: {}, env: [] });
  });

  it("nvidia: one device request with the ids and the gpu capability, never a count", () => {
    const { hostConfig, env } = gpuWiring({ vendor: "nvidia", ids: inventory }, ["1", "3"]);
    expect(hostConfig).toEqual({ DeviceRequests: [{ Driver: "nvidia", DeviceIDs: ["1", "3"], Capabilities: [["gpu"]] }] });
    expect(hostConfig.DeviceRequests![0]).not.toHaveProperty("Count");
    expect(env).toContain("NVIDIA_VISIBLE_DEVICES=1,3");
  });

  it("amd: /dev/kfd plus only the allocated GPUs' render nodes, and the video and render groups", () => {
    const { hostConfig, env } = gpuWiring({ vendor: "amd", ids: inventory }, ["0", "2"]);
    expect(hostConfig.Devices!.map((d: { PathOnHost: string }) => d.PathOnHost)).toEqual(["/dev/kfd", "/dev/dri/renderD128", "/dev/dri/renderD130"]);
    expect(hostConfig.GroupAdd).toEqual(["video", "render"]);
    expect(env).toContain("ROCR_VISIBLE_DEVICES=0,2");
  });

  it("intel: the render node of each allocated GPU, overridable", () => {
    expect(gpuWiring({ vendor: "intel", ids: ["a", "b"] }, ["b"]).hostConfig.Devices!.map((d: { PathOnHost: string }) => d.PathOnHost)).toEqual(["/dev/dri/renderD129"]);
    expect(gpuWiring({ vendor: "intel", ids: ["0"], devices: { "0": ["/tmp/fake/renderD128"] } }, ["0"]).hostConfig.Devices![0].PathOnHost).toBe("/tmp/fake/renderD128");
  });
});
