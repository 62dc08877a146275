import type Docker from "dockerode";
import { dockerMessage } from "../docker/errors";

/**
 * Connects a created, not yet started container to its networks after the
 * first (it was created on the first, its primary network), so that it
 * starts on all of them. The caller removes the container if this throws.
 */
export async function joinOtherNetworks(docker: Docker, containerId: string, networks: readonly string[]): Promise<void> {
  for (const network of networks.slice(1)) {
    try {
      await docker.getNetwork(network).connect({ Container: containerId });
    } catch (err) {
      throw new Error(`could not join network "${network}" (\`networks\`): ${dockerMessage(err)}`);
    }
  }
}
