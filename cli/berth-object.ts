import type Docker from "dockerode";
import { isManagedByBerth, LABELS, type Owner } from "../provider/docker/labels";
import { serviceStanding, taskView, type RawTask } from "../provider/swarm/task-summary";

/** A published port: bound by Docker (with its container side), or only reserved in berth's label while stopped. */
export interface PortBinding {
  hostPort: number;
  containerPort?: number;
  protocol?: string;
}

interface BerthObjectBase {
  /** The URL of the host the object lives on. */
  host: string;
  /** What Docker removes it by: a container's full id, a volume's name. */
  id: string;
  name: string;
  /** berth's `dev.berth.kind`: deployment, job, persistent-container, volume, swarm-service. */
  kind: string;
  owner: Owner;
}

export interface BerthContainer extends BerthObjectBase {
  type: "container";
  /** Docker's state: created, running, paused, restarting, removing, exited or dead. */
  state: string;
  /** Docker's status line: `Up 3 minutes (healthy)`, `Exited (137) 2 minutes ago`, `Created`. */
  status: string;
  /** From the healthcheck, when the container has one. */
  health?: Health;
  /** The image as the container was created from it (`berth-test/web:1`); its id when Docker knows no reference. */
  image: string;
  imageId: string;
  ports: PortBinding[];
  gpus: string[];
  lifetime?: string;
  /** On a sidecar: the name of the main container whose network it shares. */
  sidecarOf?: string;
}

export interface BerthVolume extends BerthObjectBase {
  type: "volume";
  /** Names of the containers, berth's or not, that mount the volume. */
  usedBy: string[];
}

/** A task the swarm means to run for a service: where it is placed and how far it got. */
export interface BerthTask {
  id: string;
  /** A replicated service's replica number; a global service's tasks have none. */
  slot?: number;
  /** The node's hostname, `no node` while the scheduler finds none. */
  node: string;
  /** The swarm's task state: new, pending, assigned, preparing, starting, running, failed, rejected … */
  state: string;
  /** The scheduler's or the node's reason when the task does not run. */
  error?: string;
  image: string;
  /** The GPU ids the swarm assigned the task from its node's generic resources. */
  gpus: string[];
}

/** A swarm service, listed through a manager; `host` is that manager's URL. */
export interface BerthService extends BerthObjectBase {
  type: "service";
  mode: "replicated" | "global";
  image: string;
  desired: number;
  running: number;
  /** The swarm's rolling-update state while it is not `completed`: updating, paused, rollback_started … */
  update?: string;
  ports: PortBinding[];
  tasks: BerthTask[];
}

export type BerthObject = BerthContainer | BerthVolume | BerthService;

export type Health = "healthy" | "unhealthy" | "starting";

/** The health Docker appends to a status line: `(healthy)`, `(unhealthy)`, `(health: starting)`. */
export function healthOf(status: string): Health | undefined {
  const match = /\((healthy|unhealthy|health: starting)\)$/.exec(status.trim());
  if (!match) return undefined;
  return match[1] === "health: starting" ? "starting" : (match[1] as Health);
}

const list = (value: string | undefined) => (value ?? "").split(",").filter(Boolean);

function owner(labels: Record<string, string>): Owner {
  return { project: labels[LABELS.project] ?? "", stack: labels[LABELS.stack] ?? "", resource: labels[LABELS.resource] ?? "" };
}

const containerName = (info: Docker.ContainerInfo) => (info.Names[0] ?? info.Id).replace(/^\//, "");

/**
 * Docker lists a binding per address family, and may give IPv4 and IPv6
 * different host ports; each container port is shown once, by its IPv4
 * binding as berth's `hostPorts` output reports it.
 */
function bindings(info: Docker.ContainerInfo): PortBinding[] {
  const byContainerPort = new Map<string, Docker.Port>();
  for (const port of info.Ports ?? []) {
    if (!port.PublicPort) continue;
    const key = `${port.PrivatePort}/${port.Type}`;
    const seen = byContainerPort.get(key);
    if (!seen || (seen.IP.includes(":") && !port.IP.includes(":"))) byContainerPort.set(key, port);
  }
  return [...byContainerPort.values()]
    .map((port) => ({ hostPort: port.PublicPort, containerPort: port.PrivatePort, protocol: port.Type }))
    .sort((a, b) => a.hostPort - b.hostPort);
}

/** berth's view of a listed container; `undefined` for anything without berth's labels. */
export function containerObject(host: string, info: Docker.ContainerInfo): BerthContainer | undefined {
  const labels = info.Labels ?? {};
  if (!isManagedByBerth(labels)) return undefined;
  const bound = bindings(info);
  const health = healthOf(info.Status);
  return {
    type: "container",
    host,
    id: info.Id,
    name: containerName(info),
    kind: labels[LABELS.kind] ?? "",
    owner: owner(labels),
    state: info.State,
    status: info.Status,
    ...(health ? { health } : {}),
    image: info.Image,
    imageId: info.ImageID,
    // A stopped container publishes nothing; the label still says which host ports berth reserved for it.
    ports: bound.length > 0 ? bound : list(labels[LABELS.ports]).map((port) => ({ hostPort: Number(port) })),
    gpus: list(labels[LABELS.gpus]),
    ...(labels[LABELS.lifetime] ? { lifetime: labels[LABELS.lifetime] } : {}),
    ...(labels[LABELS.sidecarOf] ? { sidecarOf: labels[LABELS.sidecarOf] } : {}),
  };
}

/** berth's view of a listed volume; `undefined` for anything without berth's labels. */
export function volumeObject(host: string, info: Docker.VolumeInspectInfo, usedBy: string[]): BerthVolume | undefined {
  const labels = info.Labels ?? {};
  if (!isManagedByBerth(labels)) return undefined;
  return { type: "volume", host, id: info.Name, name: info.Name, kind: labels[LABELS.kind] ?? "volume", owner: owner(labels), usedBy };
}

/** Which containers mount each named volume, from a listing of every container on a host. */
export function volumeUsers(containers: Docker.ContainerInfo[]): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const container of containers) {
    for (const mount of container.Mounts ?? []) {
      if (mount.Type !== "volume" || !mount.Name) continue;
      users.set(mount.Name, [...(users.get(mount.Name) ?? []), containerName(container)]);
    }
  }
  return users;
}

/** A swarm task as the API lists it, with the fields beyond task-summary's that `berth ps` shows. */
export interface ListedTask extends RawTask {
  ServiceID?: string;
  Slot?: number;
  Spec?: { ContainerSpec?: { Image?: string } };
}

/** An image as the service names it, without the digest the Docker CLI pins to it (`web:1@sha256:…`). */
const withoutDigest = (image: string | undefined) => (image ?? "").replace(/@sha256:[0-9a-f]{64}$/, "");

const bySlotThenNode = (a: BerthTask, b: BerthTask) => (a.slot ?? 0) - (b.slot ?? 0) || a.node.localeCompare(b.node);

/** Update states worth showing: the swarm is moving tasks, or stopped half-way for a person to look. */
const UNSETTLED_UPDATES = new Set(["updating", "paused", "rollback_started", "rollback_paused"]);

/**
 * berth's view of a swarm service and the tasks the swarm means to run for it
 * (older tasks are history); `undefined` for a service without berth's labels.
 * Service labels are only ever written by whoever creates the service, so the
 * managed-by label alone decides.
 */
export function serviceObject(host: string, service: Docker.Service, tasks: ListedTask[], nodeNames: ReadonlyMap<string, string>): BerthService | undefined {
  const labels = service.Spec?.Labels ?? {};
  if (!isManagedByBerth(labels)) return undefined;
  const meant = tasks.filter((task) => task.DesiredState === "running");
  // No attempt is being judged here: only the counts are read, so every task counts as current.
  const standing = serviceStanding(service, meant, nodeNames, "");
  const update = service.UpdateStatus?.State;
  return {
    type: "service",
    host,
    id: service.ID,
    name: service.Spec?.Name ?? service.ID,
    kind: labels[LABELS.kind] ?? "swarm-service",
    owner: owner(labels),
    mode: service.Spec?.Mode?.Global ? "global" : "replicated",
    image: withoutDigest((service.Spec?.TaskTemplate as ListedTask["Spec"])?.ContainerSpec?.Image),
    desired: standing.desired,
    running: standing.running,
    ...(update && UNSETTLED_UPDATES.has(update) ? { update } : {}),
    ports: (service.Spec?.EndpointSpec?.Ports ?? [])
      .filter((p) => p.PublishedPort)
      .map((p) => ({ hostPort: p.PublishedPort!, containerPort: p.TargetPort, protocol: p.Protocol ?? "tcp" })),
    tasks: meant
      .map((task): BerthTask => {
        const view = taskView(task, nodeNames);
        return {
          id: task.ID ?? "",
          ...(task.Slot ? { slot: task.Slot } : {}),
          node: view.node,
          state: view.state,
          ...(view.error ? { error: view.error } : {}),
          image: withoutDigest(task.Spec?.ContainerSpec?.Image),
          gpus: view.gpus,
        };
      })
      .sort(bySlotThenNode),
  };
}
