import type { BerthContainer, BerthVolume } from "../../../cli/berth-object";

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
