import * as fs from "fs";
import * as path from "path";

export interface StateResource {
  type: "Volume" | "Deployment" | "Job" | "PersistentContainer" | "SwarmService";
  name: string;
  id: string;
  outputs: Record<string, unknown>;
}

/** Writes one stack into a file backend in DIR as `pulumi` lays it out (project-scoped, `meta.yaml` version 1). */
export function writeFileBackend(dir: string, project: string, stack: string, resources: StateResource[]): void {
  const urn = (type: string, name: string) => `urn:pulumi:${stack}::${project}::pulumi-nodejs:dynamic/berth:${type}::${name}`;
  fs.mkdirSync(path.join(dir, ".pulumi", "stacks", project), { recursive: true });
  fs.writeFileSync(path.join(dir, ".pulumi", "meta.yaml"), "version: 1\n");
  const latest = {
    manifest: { time: new Date().toISOString(), version: "v3.248.0" },
    resources: resources.map((r) => ({ urn: urn(r.type, r.name), custom: true, id: r.id, type: `pulumi-nodejs:dynamic/berth:${r.type}`, outputs: r.outputs })),
  };
  fs.writeFileSync(path.join(dir, ".pulumi", "stacks", project, `${stack}.json`), JSON.stringify({ version: 3, checkpoint: { stack: `organization/${project}/${stack}`, latest } }));
}
