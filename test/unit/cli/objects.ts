import type { BerthContainer, BerthService, BerthVolume } from "../../../cli/berth-object";

/** Objects as the inventory reports them, for the pure parts' tests. */
export function container(name: string, overrides: Partial<BerthContainer> = {}): BerthContainer {
  return {
    type: "container",
    host: "unix:///var/run/docker.sock",
    id: `id-${name}`,
    name,
    kind: "deployment",
    owner: { project: "shop", stack: "prod", resource: name },
    state: "running",
    status: "Up 1 minute",
    image: "shop/web:1",
    imageId: "sha256:85a276461189",
    ports: [],
    gpus: [],
    ...overrides,
  };
}

export function volume(name: string, overrides: Partial<BerthVolume> = {}): BerthVolume {
  return {
    type: "volume",
    host: "unix:///var/run/docker.sock",
    id: name,
    name,
    kind: "volume",
    owner: { project: "shop", stack: "prod", resource: name },
    usedBy: [],
    ...overrides,
  };
}

export function service(name: string, overrides: Partial<BerthService> = {}): BerthService {
  return {
    type: "service",
    host: "unix:///run/manager.sock",
    id: `id-${name}`,
    name: `shop-prod-${name}-1a2b3c4d5e6f`,
    kind: "swarm-service",
    owner: { project: "shop", stack: "prod", resource: name },
    mode: "replicated",
    image: "shop/web:1",
    desired: 2,
    running: 2,
    ports: [],
    tasks: [
      { id: "task1", slot: 1, node: "node-1", state: "running", image: "shop/web:1", gpus: [] },
      { id: "task2", slot: 2, node: "node-22", state: "running", image: "shop/web:1", gpus: [] },
    ],
    ...overrides,
  };
}
