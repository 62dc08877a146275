import type { BerthObject, PortBinding } from "./berth-object";
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

/** A container's Docker state; a volume is `in use` or `unused`. */
function stateText(object: BerthObject): string {
  if (object.type === "volume") return object.usedBy.length > 0 ? "in use" : "unused";
  return object.state;
}

export function stateCell(object: BerthObject, paint: Style): Cell {
  const text = stateText(object);
  const color =
    text === "running" || text === "in use" ? paint.green : text === "exited" || text === "dead" ? paint.red : text === "unused" ? paint.dim : paint.yellow;
  return { text, paint: color };
}

export const ownerText = (object: BerthObject) => `${object.owner.project}/${object.owner.stack}`;
