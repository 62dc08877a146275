import type Docker from "dockerode";
import { hostScheme, type HostProps } from "../host/host-schema";
import { lowestFreePorts } from "./port-allocation";
import { canBindLocally, publishedPorts } from "./published-ports";

export interface PortRequest {
  key: string;
  hostPort?: number;
}

/**
 * Host ports for a container's published ports: fixed ones as given; the rest
 * from the host's `portRange` (lowest free, skipping every port published on
 * the daemon, every port in `exclude`, and — where the daemon runs on this
 * machine — every port something else has bound), or "" for Docker's own
 * ephemeral choice when the host has no range.
 */
export async function chooseHostPorts(
  docker: Docker,
  host: HostProps,
  requests: PortRequest[],
  exclude: ReadonlySet<number>,
): Promise<Map<string, number | "">> {
  const chosen = new Map<string, number | "">();
  const open = requests.filter((r) => r.hostPort === undefined);
  for (const r of requests) if (r.hostPort !== undefined) chosen.set(r.key, r.hostPort);
  if (open.length === 0) return chosen;
  if (!host.portRange) {
    for (const r of open) chosen.set(r.key, "");
    return chosen;
  }

  const taken = new Set([...(await publishedPorts(docker)), ...exclude, ...requests.flatMap((r) => (r.hostPort ? [r.hostPort] : []))]);
  const local = hostScheme(host.url) === "unix";
  for (const r of open) {
    let port: number | undefined;
    while ((port = lowestFreePorts(1, host.portRange, taken)?.[0]) !== undefined) {
      taken.add(port);
      if (!local || (await canBindLocally(port))) break;
    }
    if (port === undefined) {
      throw new Error(
        `no free port left in \`host.portRange\` ${host.portRange.from}-${host.portRange.to} (${taken.size} taken or excluded); widen the range or free ports`,
      );
    }
    chosen.set(r.key, port);
  }
  return chosen;
}

/** The host port in Docker's "port is already allocated" / "address already in use" answer. */
export function conflictingPort(message: string): number | undefined {
  if (!/port is already allocated|address already in use/.test(message)) return undefined;
  const match = /(?:0\.0\.0\.0|\[::\]|::):(\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}
