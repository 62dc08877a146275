import type Docker from "dockerode";
import { execInContainer } from "../docker/exec";
import type { ReadinessProbe } from "./readiness-probe";

/** How much of the command's output an error quotes. */
const OUTPUT_TAIL_CHARS = 300;

/** Runs an argv in the container, never through a shell: exit code 0 means ready. */
export class ExecProbe implements ReadinessProbe {
  constructor(
    private readonly docker: Docker,
    private readonly containerId: string,
    private readonly command: readonly string[],
    private readonly timeoutMs: number,
  ) {}

  describe(): string {
    return `exec ${JSON.stringify(this.command)}`;
  }

  async check(): Promise<void> {
    const { exitCode, output } = await execInContainer(this.docker, this.containerId, [...this.command], this.timeoutMs);
    if (exitCode === 0) return;
    const said = output.trim().slice(-OUTPUT_TAIL_CHARS);
    throw new Error(`exit code ${exitCode}${said ? `: ${JSON.stringify(said)}` : ""}`);
  }
}
