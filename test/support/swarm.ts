import { execFileSync } from "child_process";
import * as path from "path";
import Docker from "dockerode";
import { LABELS } from "../../provider/docker/labels";

const ROOT = path.resolve(__dirname, "../..");

/**
 * The 3-node swarm of scripts/swarm.sh, started on first use by the tests
 * that need it, under a lease held by the whole run (the global set-up's
 * process, which releases it at the end). Returns the nodes' DOCKER_HOST
 * urls; node 1 is the first manager.
 */
export function acquireSwarm(): string[] {
  const holder = process.env.BERTH_LEASE_PID ?? String(process.pid);
  const out = execFileSync("bash", [path.join(ROOT, "scripts/swarm.sh"), "acquire", holder], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return out.trim().split("\n");
}

export function swarmNode(url: string): Docker {
  return new Docker({ socketPath: new URL(url).pathname });
}

/** Removes every berth service of a test project: the sweep after each test file. */
export async function sweepServices(manager: Docker, project: string): Promise<void> {
  const services = await manager.listServices({ filters: { label: [`${LABELS.managedBy}=berth`, `${LABELS.project}=${project}`] } });
  for (const s of services) await manager.getService(s.ID).remove().catch(() => undefined);
}

export async function berthServices(manager: Docker, project: string): Promise<string[]> {
  const services = await manager.listServices({ filters: { label: [`${LABELS.managedBy}=berth`, `${LABELS.project}=${project}`] } });
  return services.map((s) => s.Spec?.Name ?? s.ID);
}
