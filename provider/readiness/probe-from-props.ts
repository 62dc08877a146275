import type Docker from "dockerode";
import type { Clock } from "./clock";
import { CompositeProbe } from "./composite-probe";
import { DockerHealthcheckProbe } from "./docker-healthcheck-probe";
import { ExecProbe } from "./exec-probe";
import type { GateTarget } from "./gate-target";
import { HttpGetProbe } from "./http-get-probe";
import { currentRunLogSince } from "./docker-time";
import { LogLineProbe } from "./log-line-probe";
import type { ReadinessProbe } from "./readiness-probe";
import type { GateReadiness, PortRef } from "./readiness-schema";
import { TcpSocketProbe } from "./tcp-socket-probe";

/** `check` rejects unpublished probe ports already; the gate fails closed all the same. */
function hostPort(target: GateTarget, info: Docker.ContainerInspectInfo, field: string, ref: PortRef): number {
  const port = target.hostPortFor(ref, info);
  if (port === undefined) {
    throw new Error(
      `${target.subject}: \`readiness.${field}.port\` ${JSON.stringify(ref)} is not a published port of the container, so the probe cannot reach it on ${target.probeAddress}. Publish it in \`ports\`, or probe another port`,
    );
  }
  return port;
}

/**
 * The probe a readiness object asks for: one kind alone, or all of them
 * together. Mistakes that no waiting can mend fail here, before the first attempt.
 */
export function probeFromProps(readiness: GateReadiness, target: GateTarget, info: Docker.ContainerInspectInfo, clock: Clock): ReadinessProbe {
  const { httpGet, tcpSocket, exec, logLine, dockerHealthcheck } = readiness;
  const probes: ReadinessProbe[] = [];
  if (httpGet) probes.push(new HttpGetProbe({ ...httpGet, address: target.probeAddress, port: hostPort(target, info, "httpGet", httpGet.port) }));
  if (tcpSocket) probes.push(new TcpSocketProbe(target.probeAddress, hostPort(target, info, "tcpSocket", tcpSocket.port), clock));
  if (exec) probes.push(new ExecProbe(target.docker, target.containerId, exec.command, Math.round(readiness.timeoutSeconds * 1000)));
  if (logLine) probes.push(new LogLineProbe(target.docker, target.containerId, new RegExp(logLine.pattern), logLine.times, currentRunLogSince(info.State.FinishedAt)));
  if (dockerHealthcheck) {
    if (!info.State.Health) {
      throw new Error(
        `${target.subject}: \`readiness.dockerHealthcheck\` is set, but image ${JSON.stringify(info.Config.Image)} defines no HEALTHCHECK and the container has none. Give the resource a \`healthcheck: { test: [...] }\`, add a HEALTHCHECK to the image, or use \`httpGet\`, \`tcpSocket\`, \`exec\` or \`logLine\``,
      );
    }
    probes.push(new DockerHealthcheckProbe(target.docker, target.containerId, info.State.StartedAt, Boolean(readiness.unhealthyIsFinal)));
  }
  if (probes.length === 0) throw new Error(`${target.subject}: \`readiness\` names no probe; give \`httpGet\`, \`tcpSocket\`, \`exec\`, \`logLine\` or \`dockerHealthcheck: true\``);
  return probes.length === 1 ? probes[0] : new CompositeProbe(probes);
}
