import { describe, expect, it } from "vitest";
import { persistentContainerPlan } from "../../../../provider/persistent/persistent-container-plan";
import { persistentContainerSchema } from "../../../../provider/persistent/persistent-container-schema";

const props = (extra: Record<string, unknown>) =>
  persistentContainerSchema.parse({
    hosts: ["unix:///var/run/docker.sock"],
    owner: { project: "p", stack: "s", resource: "node" },
    name: "node",
    lifetime: "persistent",
    image: "berth.local/busybox:latest",
    runToken: "t",
    ...extra,
  });

describe("the container a PersistentContainer launches", () => {
  it("is privileged only when asked (this machine's daemon cannot start one, so the plan is what is checked)", () => {
    expect(persistentContainerPlan(props({}), {}).HostConfig?.Privileged).toBe(false);
    expect(persistentContainerPlan(props({ privileged: true }), {}).HostConfig?.Privileged).toBe(true);
  });

  it("carries the cluster options: devices, host networking, shm size, ipc and ulimits", () => {
    const plan = persistentContainerPlan(
      props({ devices: [{ hostPath: "/dev/fuse" }], networkMode: "host", shmSize: "1g", ipc: "host", ulimits: [{ name: "memlock", soft: -1, hard: -1 }] }),
      {},
    );
    expect(plan.HostConfig).toMatchObject({
      Devices: [{ PathOnHost: "/dev/fuse", PathInContainer: "/dev/fuse", CgroupPermissions: "rwm" }],
      NetworkMode: "host",
      ShmSize: 1024 ** 3,
      IpcMode: "host",
      Ulimits: [{ Name: "memlock", Soft: -1, Hard: -1 }],
    });
  });
});
