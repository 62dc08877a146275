import * as net from "net";
import type Docker from "dockerode";
import { trustedContainers } from "./label-trust";
import { LABELS } from "./labels";

/**
 * Every host port the daemon's containers hold: published by a running
 * container, or recorded in the allocation label of a berth container that is
 * stopped (it keeps its claim until it is removed).
 */
export async function publishedPorts(docker: Docker): Promise<Set<number>> {
  const taken = new Set<number>();
  const listed = await docker.listContainers({ all: true });
  for (const container of listed) {
    for (const port of container.Ports ?? []) if (port.PublicPort) taken.add(port.PublicPort);
  }
  for (const container of await trustedContainers(docker, listed)) {
    for (const port of (container.Labels?.[LABELS.ports] ?? "").split(",")) if (port) taken.add(Number(port));
  }
  return taken;
}

/** Whether a TCP port can be bound on this machine: used only when the daemon runs here. */
export function canBindLocally(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "0.0.0.0", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Who publishes a host port on this daemon, if a container does. */
export async function portHolder(docker: Docker, hostPort: number): Promise<string | undefined> {
  for (const container of await docker.listContainers({ all: true })) {
    const holds =
      (container.Ports ?? []).some((p) => p.PublicPort === hostPort) ||
      (container.Labels?.[LABELS.ports] ?? "").split(",").includes(String(hostPort));
    if (holds) return (container.Names[0] ?? container.Id).replace(/^\//, "");
  }
  return undefined;
}
