import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as deployments from "../../../../provider/deployment/deployment-hooks";
import { gpuHoldings } from "../../../../provider/gpu/gpu-holdings";
import * as jobs from "../../../../provider/job/job-hooks";
import { defaultHostUrl, sweep, testDocker, uniqueProject } from "../../../support/docker";

const docker = testDocker();
const project = uniqueProject("it-gpu");
const BUSYBOX = "berth.local/busybox:latest";
const ids = ["0", "1", "2", "3"];
let nodes: string;

/** Fake render nodes made with mknod (character devices like /dev/null), one per GPU, plus a fake /dev/kfd. */
function fakeDevices(): Record<string, string[]> {
  return Object.fromEntries(ids.map((id) => [id, [path.join(nodes, "kfd"), path.join(nodes, `renderD${128 + Number(id)}`)]]));
}

function host(vendor: "amd" | "intel" | "nvidia") {
  return { url: defaultHostUrl(), gpus: { vendor, ids, ...(vendor === "nvidia" ? {} : { devices: fakeDevices() }) } };
}

async function deployment(resource: string, gpus: number | string[], vendor: "amd" | "intel" | "nvidia" = "amd", stack = "test") {
  const { inputs, failures } = await deployments.check({}, { host: host(vendor), owner: { project, stack, resource }, image: BUSYBOX, command: ["sleep", "300"], gpus, stopGracePeriodSeconds: 0 });
  expect(failures).toEqual([]);
  return deployments.create(inputs as Record<string, unknown>);
}

async function held(): Promise<string[]> {
  return (await gpuHoldings(docker)).filter((h) => h.holder.startsWith(project)).flatMap((h) => h.ids).sort();
}

beforeAll(() => {
  nodes = fs.mkdtempSync(path.join(os.tmpdir(), "berth-gpu-"));
  execFileSync("mknod", [path.join(nodes, "kfd"), "c", "1", "3"]);
  for (const id of ids) execFileSync("mknod", [path.join(nodes, `renderD${128 + Number(id)}`), "c", "1", "3"]);
});

afterAll(async () => {
  await sweep(docker, project);
  fs.rmSync(nodes, { recursive: true, force: true });
});

describe("the GPU pool against the real daemon", () => {
  it("maps only the allocated GPUs' nodes and exposes their ids; refresh reports what the container holds", async () => {
    const { id, outs } = await deployment("one", 2);
    expect(outs.gpuIds).toEqual(["0", "1"]);
    const info = await docker.getContainer(id).inspect();
    expect(info.HostConfig.Devices!.map((d: { PathOnHost: string }) => d.PathOnHost)).toEqual([path.join(nodes, "kfd"), path.join(nodes, "renderD128"), path.join(nodes, "renderD129")]);
    expect(info.HostConfig.GroupAdd).toEqual(["video", "render"]);
    expect(info.Config.Env).toEqual(expect.arrayContaining(["ROCR_VISIBLE_DEVICES=0,1", "BERTH_GPU_IDS=0,1"]));
    expect((await deployments.read(id, outs)).props).toMatchObject({ gpuIds: ["0", "1"] });
    await deployments.delete(id, outs);
    expect(await held()).toEqual([]);
  });

  it("is all-or-nothing and names who holds what; GPUs come back when a container is removed", async () => {
    const first = await deployment("trainer", 3, "intel", "prod");
    await expect(deployment("notebook", 2, "intel", "dev")).rejects.toThrow(`\`gpus\` asks for 2 GPUs but only 1 of 4 are free (${project}/prod/trainer holds 0,1,2)`);
    await expect(deployment("pinned", ["1"], "intel", "dev")).rejects.toThrow(`but 1 is held by ${project}/prod/trainer`);
    expect(await held()).toEqual(["0", "1", "2"]);
    await deployments.delete(first.id, first.outs);
    const second = await deployment("notebook", 2, "intel", "dev");
    expect(second.outs.gpuIds).toEqual(["0", "1"]);
    await deployments.delete(second.id, second.outs);
  });

  it("never hands a GPU out twice to concurrent creates from different stacks", async () => {
    for (let round = 0; round < 3; round++) {
      const outcomes = await Promise.allSettled(["a", "b", "c", "d", "e", "f", "g"].map((stack) => deployment(`race-${round}`, 1, "intel", stack)));
      const granted = outcomes.flatMap((o) => (o.status === "fulfilled" ? o.value.outs.gpuIds : []));
      const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [String(o.reason)] : []));
      expect(granted.sort()).toEqual(ids);
      expect(refused).toHaveLength(3);
      for (const reason of refused) expect(reason).toContain("asks for 1 GPU but only 0 of 4 are free");
      for (const o of outcomes) if (o.status === "fulfilled") await deployments.delete(o.value.id, o.value.outs);
      expect(await held()).toEqual([]);
    }
  });

  it("says clearly when the daemon cannot run nvidia GPUs, and releases them", async () => {
    await expect(deployment("cuda", 1, "nvidia")).rejects.toThrow(/cannot run nvidia GPUs \(.*could not select device driver "nvidia".*\): install the NVIDIA Container Toolkit there/);
    expect(await held()).toEqual([]);
    const leftovers = await docker.listContainers({ all: true, filters: { label: [`dev.berth.project=${project}`, "dev.berth.resource=cuda"] } });
    expect(leftovers).toEqual([]);
  });

  it("names the missing device node and `host.gpus.devices` when a host lacks an intel GPU's render node, and releases it", async () => {
    const missing = path.join(nodes, "absent", "renderD128");
    const { inputs, failures } = await deployments.check({}, {
      host: { url: defaultHostUrl(), gpus: { vendor: "intel", ids: ["0"], devices: { "0": [missing] } } },
      owner: { project, stack: "test", resource: "arc" },
      image: BUSYBOX,
      command: ["sleep", "300"],
      gpus: 1,
    });
    expect(failures).toEqual([]);
    const failure = deployments.create(inputs as Record<string, unknown>);
    await expect(failure).rejects.toThrow(`has no device node ${missing} for its intel GPUs`);
    await expect(failure).rejects.toThrow("`host.gpus.devices`");
    await expect(failure).rejects.not.toThrow(/container runtime|Container Toolkit/);
    expect(await held()).toEqual([]);
    const leftovers = await docker.listContainers({ all: true, filters: { label: [`dev.berth.project=${project}`, "dev.berth.resource=arc"] } });
    expect(leftovers).toEqual([]);
  });

  it("gives a job its GPUs for the run and releases them after, keeping no container that would hold them", async () => {
    const { inputs } = await jobs.check({}, { host: host("amd"), owner: { project, stack: "test", resource: "train-step" }, image: BUSYBOX, command: ["sh", "-c", "echo $ROCR_VISIBLE_DEVICES"], gpus: 2 });
    const { outs } = await jobs.create(inputs as Record<string, unknown>);
    expect(outs.logTail).toBe("0,1");
    expect(outs.containerName).toBeUndefined();
    expect(await held()).toEqual([]);
  });

  it("rejects in check, before anything runs, a request the inventory can never meet", async () => {
    const check = (gpus: unknown, h: unknown = host("amd")) => deployments.check({}, { host: h, owner: { project, stack: "test", resource: "x" }, image: BUSYBOX, gpus });
    expect((await check(5)).failures).toEqual([{ property: "gpus", reason: `asks for 5 GPUs but host ${defaultHostUrl()} has 4 (0,1,2,3)` }]);
    expect((await check(["7"])).failures![0].reason).toContain("names GPU ids 7 that host");
    expect((await check(1, { url: defaultHostUrl() })).failures![0].reason).toContain("has no GPU inventory; add `host.gpus`");
  });
});
