import type Docker from "dockerode";
import { isManagedByBerth, LABELS, RESERVED_LABEL_PREFIX } from "./labels";

const listedName = (container: Docker.ContainerInfo) => (container.Names[0] ?? "").replace(/^\//, "");

/**
 * The listed containers whose berth labels berth wrote, which alone may decide
 * sidecar membership, GPU and port holdings, leftovers and orphans. berth
 * writes a container's own name into `dev.berth.container-name`; a container
 * run from an image that carries berth's labels (one made by `docker commit`
 * of a berth container, or written by hand) has another name. A container
 * from before that label is trusted when its image carries none of berth's
 * labels.
 */
export async function trustedContainers(docker: Docker, listed: Docker.ContainerInfo[]): Promise<Docker.ContainerInfo[]> {
  const imageLabels = new Map<string, Promise<Record<string, string>>>();
  const labelsOf = (imageId: string) => {
    if (!imageLabels.has(imageId)) {
      imageLabels.set(imageId, docker.getImage(imageId).inspect().then((image) => image.Config?.Labels ?? {}, () => ({})));
    }
    return imageLabels.get(imageId)!;
  };
  const trusted = await Promise.all(
    listed.map(async (container) => {
      const labels = container.Labels ?? {};
      if (!isManagedByBerth(labels)) return false;
      const written = labels[LABELS.containerName];
      if (written !== undefined) return written === listedName(container);
      return !Object.keys(await labelsOf(container.ImageID)).some((key) => key.startsWith(RESERVED_LABEL_PREFIX));
    }),
  );
  return listed.filter((_, i) => trusted[i]);
}

