import type Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { serviceObject, type ListedTask } from "../../../cli/berth-object";
import { createLabels } from "../../../provider/docker/labels";

const labels = createLabels({ kind: "swarm-service", owner: { project: "shop", stack: "prod", resource: "web" }, specHash: "0123abcd" });
const nodes = new Map([
  ["n1", "node-1"],
  ["n2", "node-2"],
]);

const listed = (overrides: Partial<Docker.Service> = {}): Docker.Service =>
  ({
    ID: "svc1",
    Spec: {
      Name: "shop-prod-web-1a2b",
      Labels: labels,
      Mode: { Replicated: { Replicas: 3 } },
      TaskTemplate: { ContainerSpec: { Image: `shop/web:1@sha256:${"a".repeat(64)}` } },
      EndpointSpec: { Ports: [{ TargetPort: 80, PublishedPort: 8080, Protocol: "tcp" }, { TargetPort: 9000 }] },
    },
    ...overrides,
  }) as Docker.Service;

const task = (id: string, slot: number, node: string, state: string, desired = "running", err?: string): ListedTask => ({
  ID: id,
  Slot: slot,
  NodeID: node,
  DesiredState: desired,
  Status: { State: state, Err: err },
  Spec: { ContainerSpec: { Image: "shop/web:1" } },
});

describe("serviceObject", () => {
  it("counts the tasks meant to run, names their nodes, sorts them by replica, and drops the image digest", () => {
    const tasks = [
      task("t3", 3, "", "pending", "running", "no suitable node (insufficient resources on 2 nodes)"),
      task("t1", 1, "n2", "running"),
      task("t0", 1, "n1", "shutdown", "shutdown"),
      task("t2", 2, "n1", "running"),
    ];
    expect(serviceObject("unix:///m.sock", listed(), tasks, nodes)).toEqual({
      type: "service",
      host: "unix:///m.sock",
      id: "svc1",
      name: "shop-prod-web-1a2b",
      kind: "swarm-service",
      owner: { project: "shop", stack: "prod", resource: "web" },
      mode: "replicated",
      image: "shop/web:1",
      desired: 3,
      running: 2,
      ports: [{ hostPort: 8080, containerPort: 80, protocol: "tcp" }],
      tasks: [
        { id: "t1", slot: 1, node: "node-2", state: "running", image: "shop/web:1", gpus: [] },
        { id: "t2", slot: 2, node: "node-1", state: "running", image: "shop/web:1", gpus: [] },
        { id: "t3", slot: 3, node: "no node", state: "pending", error: "no suitable node (insufficient resources on 2 nodes)", image: "shop/web:1", gpus: [] },
      ],
    });
  });

  it.each([
    ["updating", "updating"],
    ["paused", "paused"],
    ["rollback_started", "rollback_started"],
    ["completed", undefined],
    ["rollback_completed", undefined],
  ])("shows an update state %j as %j", (state, shown) => {
    expect(serviceObject("unix:///m.sock", listed({ UpdateStatus: { State: state } } as Partial<Docker.Service>), [], nodes)?.update).toBe(shown);
  });

  it("takes a global service's desired count from its tasks, and ignores a service without berth's labels", () => {
    const global = listed({ Spec: { ...listed().Spec, Mode: { Global: {} } } } as Partial<Docker.Service>);
    expect(serviceObject("unix:///m.sock", global, [task("t1", 0, "n1", "running"), task("t2", 0, "n2", "starting")], nodes)).toMatchObject({
      mode: "global",
      desired: 2,
      running: 1,
    });
    expect(serviceObject("unix:///m.sock", listed({ Spec: { ...listed().Spec, Labels: { "dev.berth.project": "shop" } } } as Partial<Docker.Service>), [], nodes)).toBeUndefined();
  });
});
