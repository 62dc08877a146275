import type { BerthContainer, BerthObject, PortBinding } from "./berth-object";
import type { Style } from "./style";
import type { Cell } from "./table";

export const NONE = "-";

/** `sha256:3f2a…` as Docker shows it: the first 12 hex digits. */
export function shortImageId(imageId: string): string {
  return imageId.replace(/^sha256:/, "").slice(0, 12) || NONE;
}

/** `32768->80/tcp` for a bound port, the bare host port for one only reserved. */
export function portsText(ports: PortBinding[]): string {
  if (ports.length === 0) return NONE;
  return ports.map((p) => (p.containerPort === undefined ? String(p.hostPort) : `${p.hostPort}->${p.containerPort}/${p.protocol}`)).join(",");
}

/** The image a container runs, by the reference it was created from; by its short id when Docker knows none. */
export function imageText(container: BerthContainer): string {
  return !container.image || /^(sha256:)?[0-9a-f]{64}$/.test(container.image) ? shortImageId(container.imageId) : container.image;
}

/** A container's status as `docker ps` words it (`Up 3 minutes (healthy)`, `Exited (137) 2 minutes ago`); a volume is `in use` or `unused`. */
export function statusCell(object: BerthObject, paint: Style): Cell {
  if (object.type === "volume") return object.usedBy.length > 0 ? { text: "in use", paint: paint.green } : { text: "unused", paint: paint.dim };
  const text = object.status || object.state;
  const bad = object.state === "exited" || object.state === "dead" || object.health === "unhealthy";
  const good = object.state === "running" && object.health !== "starting";
  return { text, paint: bad ? paint.red : good ? paint.green : paint.yellow };
}

export const ownerText = (object: BerthObject) => `${object.owner.project}/${object.owner.stack}`;
