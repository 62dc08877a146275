import Docker from "dockerode";
import { LABELS } from "../../provider/docker/labels";

/** The test's view of the default daemon: DOCKER_HOST or the local socket. */
export function defaultHostUrl(): string {
  return process.env.DOCKER_HOST || "unix:///var/run/docker.sock";
}

export function testDocker(url = defaultHostUrl()): Docker {
  return new Docker({ socketPath: new URL(url).pathname });
}

/** berth-labelled containers and volumes of one project on a daemon. */
export async function berthObjects(docker: Docker, project: string): Promise<{ containers: string[]; volumes: string[] }> {
  const filter = { label: [`${LABELS.managedBy}=berth`, `${LABELS.project}=${project}`] };
  const containers = await docker.listContainers({ all: true, filters: filter });
  const { Volumes } = await docker.listVolumes({ filters: filter });
  return {
    containers: containers.map((c) => c.Names[0].replace(/^\//, "")),
    volumes: (Volumes ?? []).map((v) => v.Name),
  };
}

/** Removes every berth object of a test project: the sweep after each test. */
export async function sweep(docker: Docker, project: string): Promise<void> {
  const filter = { label: [`${LABELS.managedBy}=berth`, `${LABELS.project}=${project}`] };
  for (const c of await docker.listContainers({ all: true, filters: filter })) {
    await docker.getContainer(c.Id).remove({ force: true, v: false }).catch(() => undefined);
  }
  const { Volumes } = await docker.listVolumes({ filters: filter });
  for (const v of Volumes ?? []) await docker.getVolume(v.Name).remove({ force: true }).catch(() => undefined);
  for (const n of await berthNetworks(docker, project)) await docker.getNetwork(n).remove().catch(() => undefined);
}

/** berth-labelled networks of one project on a daemon. */
export async function berthNetworks(docker: Docker, project: string): Promise<string[]> {
  const networks = await docker.listNetworks({ filters: { label: [`${LABELS.managedBy}=berth`, `${LABELS.project}=${project}`] } });
  return networks.map((n) => n.Name);
}

export function uniqueProject(prefix: string): string {
  return `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The extra daemons the global set-up started, standing in for other hosts. */
export function extraHostUrls(): string[] {
  const urls = (process.env.BERTH_EXTRA_HOSTS ?? "").split(",").filter(Boolean);
  if (urls.length === 0) throw new Error("no extra hosts: run the tests through vitest's global set-up (test/support/global-setup.ts)");
  return urls;
}
