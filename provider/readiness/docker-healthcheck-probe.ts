import type Docker from "dockerode";
import type { ReadinessProbe } from "./readiness-probe";

/** How much of the last health check's output an error quotes. */
const OUTPUT_TAIL_CHARS = 200;

/** The container's own HEALTHCHECK, as Docker runs it: ready when its status is "healthy". */
export class DockerHealthcheckProbe implements ReadinessProbe {
  constructor(
    private readonly docker: Docker,
    private readonly containerId: string,
  ) {}

  describe(): string {
    return 'Docker HEALTHCHECK status "healthy"';
  }

  async check(): Promise<void> {
    const health = (await this.docker.getContainer(this.containerId).inspect()).State.Health;
    if (health?.Status === "healthy") return;
    const last = health?.Log?.at(-1);
    const lastCheck = last ? ` (last check: exit code ${last.ExitCode}, ${JSON.stringify(last.Output.trim().slice(-OUTPUT_TAIL_CHARS))})` : "";
    throw new Error(`health status is ${JSON.stringify(health?.Status ?? "none")}${lastCheck}`);
  }
}
