import type Docker from "dockerode";

/** The started container a readiness gate waits for, and where its published ports answer. */
export interface GateTarget {
  /** Client for the container's host. */
  docker: Docker;
  containerId: string;
  /** Host name or IP where the container's published ports answer: the host's probe address, never a hard-coded loopback. */
  probeAddress: string;
  /**
   * The published host port for a container port number or a port `name`, as
   * the gate's own inspect of the running container shows it; `undefined` when
   * it is not published.
   */
  hostPortFor(ref: number | string, info: Docker.ContainerInspectInfo): number | undefined;
  /** Starts every error message, e.g. `Deployment "web" on host unix:///var/run/docker.sock`. */
  subject: string;
  /** Removes secret values from log tails and messages. */
  redact(text: string): string;
  /** Tells the user what is awaited while the gate waits. */
  onProgress?(message: string): void;
}
