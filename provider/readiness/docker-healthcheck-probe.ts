import type Docker from "dockerode";
import { dockerTimeNanos } from "./docker-time";
import { FinalProbeFailure, type ReadinessProbe } from "./readiness-probe";

/** How much of the last health check's output an error quotes. */
const OUTPUT_TAIL_CHARS = 200;

/**
 * The container's own HEALTHCHECK, as Docker runs it: ready when its status
 * is "healthy" after a check of the current run. A status and checks left
 * from before the last start never count. When asked, "unhealthy" is final,
 * as compose's `service_healthy` takes it: Docker says so only after
 * `retries` failed checks past `startPeriod`, the user's own terms for giving up.
 */
export class DockerHealthcheckProbe implements ReadinessProbe {
  constructor(
    private readonly docker: Docker,
    private readonly containerId: string,
    /** The current run's `StartedAt`. */
    private readonly startedAt: string,
    private readonly unhealthyIsFinal: boolean,
  ) {}

  describe(): string {
    return 'Docker HEALTHCHECK status "healthy"';
  }

  async check(): Promise<void> {
    const health = (await this.docker.getContainer(this.containerId).inspect()).State.Health;
    const since = dockerTimeNanos(this.startedAt);
    const last = health?.Log?.filter((check) => dockerTimeNanos(check.Start) >= since).at(-1);
    if (health?.Status === "healthy" && last) return;
    const lastCheck = last ? ` (last check: exit code ${last.ExitCode}, ${JSON.stringify(last.Output.trim().slice(-OUTPUT_TAIL_CHARS))})` : " (no check since this start yet)";
    const status = `health status is ${JSON.stringify(health?.Status ?? "none")}${lastCheck}`;
    throw this.unhealthyIsFinal && health?.Status === "unhealthy" && last ? new FinalProbeFailure(status) : new Error(status);
  }
}
