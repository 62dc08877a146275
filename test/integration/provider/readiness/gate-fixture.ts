import type Docker from "dockerode";
import { LABELS, MANAGED_BY } from "../../../../provider/docker/labels";
import { hostSchema, probeAddress } from "../../../../provider/host/host-schema";
import { readinessSchema, type GateTarget, type ReadinessProps } from "../../../../provider/readiness";
import { defaultHostUrl, sweep, testDocker, uniqueProject } from "../../../support/docker";

export interface GateContainer {
  id: string;
  target: GateTarget;
  /** The host port Docker published port 80 on, read right after the start; `undefined` if the container was already down. */
  hostPort: number | undefined;
}

/** Readiness props as `check` leaves them: defaults filled. */
export const readiness = (input: unknown): ReadinessProps => readinessSchema.parse(input);

function publishedPort(info: Docker.ContainerInspectInfo): number | undefined {
  const published = info.NetworkSettings.Ports?.["80/tcp"]?.[0]?.HostPort;
  return published ? Number(published) : undefined;
}

/**
 * Containers for gate tests, made with dockerode directly: labelled with a
 * project of their own (swept by `cleanup`), port 80 published on a host port
 * Docker picks, and a gate target that reaches it on the host's probe address.
 */
export function gateFixture(prefix: string) {
  const docker = testDocker();
  const project = uniqueProject(prefix);
  const host = hostSchema.parse({ url: defaultHostUrl() });

  async function start(name: string, spec: Partial<Docker.ContainerCreateOptions>, target: Partial<GateTarget> = {}): Promise<GateContainer> {
    const container = await docker.createContainer({
      name: `${project}-${name}`,
      Image: "berth.local/web:latest",
      Labels: { [LABELS.managedBy]: MANAGED_BY, [LABELS.project]: project },
      ExposedPorts: { "80/tcp": {} },
      ...spec,
      HostConfig: { PortBindings: { "80/tcp": [{ HostPort: "" }] }, ...spec.HostConfig },
    });
    await container.start();
    return {
      id: container.id,
      hostPort: publishedPort(await container.inspect()),
      target: {
        docker,
        containerId: container.id,
        probeAddress: probeAddress(host),
        hostPortFor: (ref, info) => (ref === 80 || ref === "http" ? publishedPort(info) : undefined),
        subject: `Deployment "${name}" on host ${host.url}`,
        redact: (text) => text,
        ...target,
      },
    };
  }

  return { docker, start, cleanup: () => sweep(docker, project) };
}

/** Runs a gate and reports how long it took, whatever its outcome. */
export async function timed(gate: Promise<unknown>): Promise<{ ms: number; error?: Error }> {
  const started = performance.now();
  try {
    await gate;
    return { ms: performance.now() - started };
  } catch (err) {
    return { ms: performance.now() - started, error: err as Error };
  }
}
