import type { BerthContainer, BerthObject, BerthService, BerthTask, PortBinding } from "./berth-object";
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

/** A service's running tasks of those desired, as `docker service ls` counts them, and an unsettled rolling update: `2/3 running (updating)`. */
function serviceStatus(service: BerthService, paint: Style): Cell {
  const text = `${service.running}/${service.desired} running${service.update ? ` (${service.update.replace("_", " ")})` : ""}`;
  const color = service.running === 0 && service.desired > 0 ? paint.red : service.running >= service.desired && !service.update ? paint.green : paint.yellow;
  return { text, paint: color };
}

/** A task's state, with the scheduler's or the node's reason when it does not run: `pending: no suitable node (…)`. */
export function taskStatusCell(task: BerthTask, paint: Style): Cell {
  const text = task.error ? `${task.state}: ${task.error}` : task.state;
  const color = task.state === "running" ? paint.green : task.state === "failed" || task.state === "rejected" ? paint.red : paint.yellow;
  return { text, paint: color };
}

/** A task's name as the swarm gives it: the service's and the replica's number (`web.2`); a global service's task by its short id. */
export const taskName = (service: BerthService, task: BerthTask) => `${service.name}.${task.slot ?? task.id.slice(0, 12)}`;

/**
 * A container's status as `docker ps` words it (`Up 3 minutes (healthy)`,
 * `Exited (137) 2 minutes ago`); a volume is `in use` or `unused`; a service
 * counts its running tasks.
 */
export function statusCell(object: BerthObject, paint: Style): Cell {
  if (object.type === "volume") return object.usedBy.length > 0 ? { text: "in use", paint: paint.green } : { text: "unused", paint: paint.dim };
  if (object.type === "service") return serviceStatus(object, paint);
  const text = object.status || object.state;
  const bad = object.state === "exited" || object.state === "dead" || object.health === "unhealthy";
  const good = object.state === "running" && object.health !== "starting";
  return { text, paint: bad ? paint.red : good ? paint.green : paint.yellow };
}

export const ownerText = (object: BerthObject) => `${object.owner.project}/${object.owner.stack}`;
