import type Docker from "dockerode";
import { joinOtherNetworks } from "../container/join-networks";
import { createNamedContainer, removeAfterFailure } from "../docker/containers";
import { dockerMessage } from "../docker/errors";
import { chooseHostPorts, conflictingPort } from "../docker/host-ports";
import type { LocalImage } from "../docker/image";
import { createLabels } from "../docker/labels";
import { portHolder } from "../docker/published-ports";
import { withAllocationLock } from "../docker/allocation-lock";
import { allocateGpuIds, gpuStartProblem } from "../gpu/create-with-gpus";
import { wantsGpus } from "../gpu/gpu-request";
import { log } from "../log";
import { deploymentContainerPlan, portKey } from "./container-plan";
import type { DeploymentProps } from "./deployment-schema";

const MAX_PORT_ATTEMPTS = 5;

/**
 * Creates and starts the deployment's container. Allocated host ports that
 * Docker finds taken at start ("port is already allocated") are retried on
 * other ports, a bounded number of times; a fixed host port that is taken is
 * an error naming who holds it. Nothing is left behind when this throws.
 */
export async function launchContainer(docker: Docker, props: DeploymentProps, image: LocalImage, name: string, specHash: string): Promise<string> {
  const requests = props.ports.map((p) => ({ key: portKey(p), hostPort: p.hostPort }));
  const fixed = new Set(props.ports.flatMap((p) => (p.hostPort ? [p.hostPort] : [])));
  const exclude = new Set<number>();

  // Ports from a range and GPUs are chosen and claimed (by the new container's
  // labels) under the daemon's allocation lock, so concurrent creates from any
  // stack never pick the same ones; Docker's own choices need no lock.
  const allocates = wantsGpus(props.gpus) || (props.host.portRange !== undefined && requests.some((r) => r.hostPort === undefined));
  const create = async () => {
    const hostPorts = await chooseHostPorts(docker, props.host, requests, exclude);
    const allocated = [...hostPorts.values()].filter((p): p is number => typeof p === "number");
    const gpuIds = await allocateGpuIds(docker, props.host, props.gpus);
    const labels = createLabels({ kind: "deployment", owner: props.owner, specHash, ports: allocated, gpus: gpuIds, containerName: name }, props.labels, image.labels);
    return createNamedContainer(docker, deploymentContainerPlan(props, name, labels, hostPorts, { inventory: props.host.gpus, ids: gpuIds }));
  };

  for (let attempt = 1; ; attempt++) {
    const container = allocates ? await withAllocationLock(docker, props.image, create) : await create();
    try {
      await joinOtherNetworks(docker, container.id, props.networks);
      if (props.running) await container.start();
      return container.id;
    } catch (err) {
      await removeAfterFailure(docker, container.id);
      const message = dockerMessage(err);
      const gpuProblem = gpuStartProblem(message, props.host);
      if (gpuProblem) throw new Error(gpuProblem);
      const port = conflictingPort(message);
      if (port !== undefined && fixed.has(port)) {
        const holder = await portHolder(docker, port);
        throw new Error(
          `\`hostPort\` ${port} is already used by ${holder ? `container "${holder}"` : "another process"}; free it or choose another \`hostPort\``,
        );
      }
      if (port !== undefined && attempt < MAX_PORT_ATTEMPTS) {
        log.provider("%s: host port %d was taken at start, retrying on another (attempt %d)", name, port, attempt);
        exclude.add(port);
        continue;
      }
      throw new Error(`could not start container "${name}": ${message}`);
    }
  }
}
