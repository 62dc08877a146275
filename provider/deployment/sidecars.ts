import type Docker from "dockerode";
import { containerPlan } from "../container/container-plan";
import { createNamedContainer, removeAfterFailure, removeContainer } from "../docker/containers";
import { dockerMessage } from "../docker/errors";
import { ensureImage } from "../docker/image";
import { trustedContainers } from "../docker/label-trust";
import { createLabels, LABELS, MANAGED_BY } from "../docker/labels";
import { progress } from "../progress";
import { restartPolicy } from "./container-plan";
import type { DeploymentProps, SidecarProps } from "./deployment-schema";

/** A sidecar's container: its own image and command, in the main container's network namespace, found by the main container's name. */
export function sidecarPlan(props: DeploymentProps, sidecar: SidecarProps, mainName: string, labels: Record<string, string>): Docker.ContainerCreateOptions {
  const fields = {
    image: sidecar.image,
    pullPolicy: sidecar.pullPolicy,
    command: sidecar.command,
    entrypoint: sidecar.entrypoint,
    env: sidecar.env,
    secretEnvKeys: [],
    volumes: sidecar.volumes,
    user: sidecar.user,
    workdir: sidecar.workdir,
    labels: {},
    networks: [],
    gpus: 0,
  };
  const base = containerPlan(fields, `${mainName}-${sidecar.name}`, labels);
  return {
    ...base,
    HostConfig: { ...base.HostConfig, NetworkMode: `container:${mainName}`, RestartPolicy: restartPolicy(props.restart) },
  };
}

/** The sidecars berth started next to a main container, found by label. */
export async function sidecarsOf(docker: Docker, mainName: string): Promise<string[]> {
  const containers = await docker.listContainers({ all: true, filters: { label: [`${LABELS.managedBy}=${MANAGED_BY}`, `${LABELS.sidecarOf}=${mainName}`] } });
  return (await trustedContainers(docker, containers)).map((c) => c.Id);
}

export async function removeSidecars(docker: Docker, mainName: string, graceSeconds?: number): Promise<void> {
  for (const id of await sidecarsOf(docker, mainName)) await removeContainer(docker, id, graceSeconds);
}

/**
 * Starts the sidecars after the main container, replacing any this main
 * container had (after an interrupted create). If one cannot start, every
 * sidecar started so far is removed and the error names it; the caller removes
 * the main container, so the group goes as a whole.
 */
export async function startSidecars(docker: Docker, props: DeploymentProps, mainName: string, specHash: string): Promise<string[]> {
  if (props.sidecars.length === 0) return [];
  await removeSidecars(docker, mainName);
  const started: string[] = [];
  for (const sidecar of props.sidecars) {
    try {
      const image = await ensureImage(docker, sidecar.image, sidecar.pullPolicy, props.registryAuth, progress(`Deployment "${props.owner.resource}" sidecar "${sidecar.name}"`));
      const facts = { kind: "deployment" as const, owner: props.owner, specHash, containerName: `${mainName}-${sidecar.name}`, sidecarOf: mainName };
      const labels = createLabels(facts, props.labels, image.labels);
      const container = await createNamedContainer(docker, sidecarPlan(props, sidecar, mainName, labels));
      started.push(container.id);
      await container.start();
    } catch (err) {
      await Promise.all(started.map((id) => removeAfterFailure(docker, id)));
      throw new Error(`sidecar "${sidecar.name}" could not start: ${dockerMessage(err)}`);
    }
  }
  return started;
}
