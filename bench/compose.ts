import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import Docker from "dockerode";

/** The peer: docker-compose bringing up the same services with equivalent healthchecks, gated on all healthy. */
export class ComposeProject {
  private readonly file: string;

  constructor(readonly name: string, count: number, periodMs: number) {
    const dir = path.resolve(__dirname, "..", ".berth", "bench", name);
    fs.mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, "docker-compose.yml");
    const services = Array.from({ length: count }, (_, i) =>
      [
        `  web${i}:`,
        "    image: berth.local/web:latest",
        '    ports: ["80"]',
        "    healthcheck:",
        '      test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1/"]',
        `      interval: ${periodMs}ms`,
        "      timeout: 1s",
        "      retries: 1000",
      ].join("\n"),
    );
    fs.writeFileSync(this.file, `version: "2.4"\nservices:\n${services.join("\n")}\n`);
  }

  private compose(args: string[]): void {
    execFileSync("docker-compose", ["-f", this.file, "-p", this.name, ...args], { stdio: "ignore" });
  }

  /** `up -d`, then wait until every service reports healthy. */
  async upHealthy(docker: Docker): Promise<void> {
    this.compose(["up", "-d"]);
    for (;;) {
      const containers = await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${this.name}`] } });
      if (containers.length > 0 && containers.every((c) => c.Status.includes("(healthy)"))) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  down(): void {
    this.compose(["down", "-t", "2"]);
  }
}
