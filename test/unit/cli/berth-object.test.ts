import type Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { containerObject, healthOf, volumeObject, volumeUsers } from "../../../cli/berth-object";
import { createLabels } from "../../../provider/docker/labels";

const owner = { project: "shop", stack: "prod", resource: "web" };
const HOST = "unix:///var/run/docker.sock";

function listed(overrides: Partial<Docker.ContainerInfo>): Docker.ContainerInfo {
  return {
    Id: "c0ffee",
    Names: ["/shop-prod-web-1a2b3c4d"],
    Image: "web:latest",
    ImageID: "sha256:85a276461189aaaa",
    Command: "",
    Created: 0,
    Ports: [],
    Labels: createLabels({ kind: "deployment", owner, specHash: "1a2b3c4d" }),
    State: "running",
    Status: "Up 1 minute",
    HostConfig: { NetworkMode: "bridge" },
    NetworkSettings: { Networks: {} },
    Mounts: [],
    ...overrides,
  };
}

const port = (IP: string, PublicPort: number, PrivatePort = 80, Type = "tcp") => ({ IP, PublicPort, PrivatePort, Type });

describe("containerObject", () => {
  it("reads owner, kind, state, image, GPUs and lifetime from the listing and berth's labels", () => {
    const labels = createLabels({ kind: "persistent-container", owner, specHash: "h", lifetime: "persistent", gpus: ["0", "1"] });
    expect(containerObject(HOST, listed({ Labels: labels, State: "exited", Status: "Exited (137) 2 minutes ago" }))).toEqual({
      type: "container",
      host: HOST,
      id: "c0ffee",
      name: "shop-prod-web-1a2b3c4d",
      kind: "persistent-container",
      owner,
      state: "exited",
      status: "Exited (137) 2 minutes ago",
      image: "web:latest",
      imageId: "sha256:85a276461189aaaa",
      ports: [],
      gpus: ["0", "1"],
      lifetime: "persistent",
    });
  });

  it("reads a sidecar's main container and the health of a container with a healthcheck", () => {
    const labels = createLabels({ kind: "deployment", owner, specHash: "h", sidecarOf: "shop-prod-web-1a2b" });
    expect(containerObject(HOST, listed({ Labels: labels, Status: "Up 3 minutes (healthy)" }))).toMatchObject({
      sidecarOf: "shop-prod-web-1a2b",
      status: "Up 3 minutes (healthy)",
      health: "healthy",
    });
    expect(containerObject(HOST, listed({}))).not.toHaveProperty("health");
  });

  it.each([
    ["one entry per container port, by its IPv4 binding", [port("::", 32985), port("0.0.0.0", 32981)], {}, [{ hostPort: 32981, containerPort: 80, protocol: "tcp" }]],
    ["ports sorted by host port", [port("0.0.0.0", 9001, 81), port("0.0.0.0", 9000, 80, "udp")], {}, [
      { hostPort: 9000, containerPort: 80, protocol: "udp" },
      { hostPort: 9001, containerPort: 81, protocol: "tcp" },
    ]],
    ["no unpublished ports", [{ IP: "", PrivatePort: 80, PublicPort: 0, Type: "tcp" }], {}, []],
    ["the reserved ports of berth's label while nothing is bound", [], { ports: [30001, 30002] }, [{ hostPort: 30001 }, { hostPort: 30002 }]],
  ])("lists %s", (_, ports, facts, expected) => {
    const labels = createLabels({ kind: "deployment", owner, specHash: "h", ...facts });
    expect(containerObject(HOST, listed({ Ports: ports, Labels: labels }))?.ports).toEqual(expected);
  });

  it.each([
    ["no labels", {}],
    ["another manager", { ...createLabels({ kind: "deployment", owner, specHash: "h" }), "dev.berth.managed-by": "someone-else" }],
  ])("ignores a container with %s", (_, Labels) => {
    expect(containerObject(HOST, listed({ Labels }))).toBeUndefined();
  });
});

describe("volumes", () => {
  const volume = (Labels: Record<string, string>): Docker.VolumeInspectInfo => ({ Name: "shop-prod-data", Driver: "local", Mountpoint: "/x", Labels, Scope: "local", Options: null });

  it("reads a berth volume with its users", () => {
    const labels = createLabels({ kind: "volume", owner: { ...owner, resource: "data" }, specHash: "h" });
    expect(volumeObject(HOST, volume(labels), ["api"])).toEqual({
      type: "volume",
      host: HOST,
      id: "shop-prod-data",
      name: "shop-prod-data",
      kind: "volume",
      owner: { ...owner, resource: "data" },
      usedBy: ["api"],
    });
    expect(volumeObject(HOST, volume({ team: "ml" }), [])).toBeUndefined();
  });

  it("finds each named volume's users among all containers, ignoring bind mounts", () => {
    const mount = (Type: string, Name?: string) => ({ Type, Name, Source: "/s", Destination: "/d", Mode: "", RW: true, Propagation: "" });
    const users = volumeUsers([
      listed({ Names: ["/a"], Mounts: [mount("volume", "data"), mount("bind")] }),
      listed({ Names: ["/b"], Mounts: [mount("volume", "data"), mount("volume", "cache")] }),
    ]);
    expect(Object.fromEntries(users)).toEqual({ data: ["a", "b"], cache: ["b"] });
  });
});

describe("healthOf", () => {
  it.each([
    ["Up 3 minutes (healthy)", "healthy"],
    ["Up 10 seconds (unhealthy)", "unhealthy"],
    ["Up 1 second (health: starting)", "starting"],
    ["Up 2 hours", undefined],
    ["Exited (1) 5 seconds ago", undefined],
    ["Created", undefined],
  ])("reads %j as %j", (status, health) => expect(healthOf(status)).toBe(health));
});
