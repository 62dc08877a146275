import type Docker from "dockerode";
import { containerStatus, type ContainerState } from "../docker/container-status";
import { LABELS } from "../docker/labels";
import { probeAddress } from "../host/host-schema";
import { portKey } from "./container-plan";
import type { DeploymentProps, PortProps } from "./deployment-schema";

export interface DeploymentOutputs extends DeploymentProps {
  containerId: string;
  containerName: string;
  imageId: string;
  specHash: string;
  /** Published host ports by port name (or container port, `53/udp` for udp). */
  hostPorts: Record<string, number>;
  /** `http://address:port` (https when probed so) per published tcp port, `udp://…` for udp. */
  endpoints: Record<string, string>;
  state: ContainerState;
  startedAt?: string;
  /** The GPU ids the container holds, read from its labels. */
  gpuIds: string[];
}

/** How outputs name a port: its name, else its number (with `/udp` for udp). */
export function portLabel(port: PortProps): string {
  return port.name ?? (port.protocol === "tcp" ? String(port.containerPort) : portKey(port));
}

/** The host ports Docker actually bound, read back from inspect. */
export function boundHostPorts(props: DeploymentProps, info: Docker.ContainerInspectInfo): Map<PortProps, number> {
  const bound = new Map<PortProps, number>();
  for (const port of props.ports) {
    const binding = info.NetworkSettings?.Ports?.[portKey(port)]?.[0]?.HostPort;
    if (binding) bound.set(port, Number(binding));
  }
  return bound;
}

function scheme(props: DeploymentProps, port: PortProps): string {
  if (port.protocol === "udp") return "udp";
  const http = props.readiness?.httpGet;
  const probedHere = http && (http.port === port.containerPort || http.port === port.name);
  return probedHere && http.scheme === "HTTPS" ? "https" : "http";
}

export function deploymentOutputs(
  props: DeploymentProps,
  info: Docker.ContainerInspectInfo,
  imageId: string,
  specHash: string,
): DeploymentOutputs {
  const status = containerStatus(info);
  const address = probeAddress(props.host);
  const hostPorts: Record<string, number> = {};
  const endpoints: Record<string, string> = {};
  for (const [port, hostPort] of boundHostPorts(props, info)) {
    hostPorts[portLabel(port)] = hostPort;
    endpoints[portLabel(port)] = `${scheme(props, port)}://${address}:${hostPort}`;
  }
  return {
    ...props,
    containerId: info.Id,
    containerName: info.Name.replace(/^\//, ""),
    imageId,
    specHash,
    hostPorts,
    endpoints,
    state: status.state,
    gpuIds: (info.Config.Labels?.[LABELS.gpus] ?? "").split(",").filter(Boolean),
    ...(status.startedAt ? { startedAt: status.startedAt } : {}),
  };
}
