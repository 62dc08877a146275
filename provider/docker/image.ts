import type Docker from "dockerode";
import { dockerMessage, isNotFound } from "./errors";
import { withDefaultTag } from "./image-reference";

export type PullPolicy = "IfNotPresent" | "Always" | "Never";

export interface RegistryAuth {
  username: string;
  password: string;
  serverAddress: string;
}

async function localImageId(docker: Docker, reference: string): Promise<string | undefined> {
  try {
    return (await docker.getImage(reference).inspect()).Id;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

interface PullEvent {
  status?: string;
  id?: string;
  error?: string;
  errorDetail?: { message?: string };
}

/** Pulls an image, reading errors from the progress stream (Docker reports them there, not in the status code). */
async function pull(docker: Docker, reference: string, auth: RegistryAuth | undefined, onProgress: (message: string) => void): Promise<void> {
  let stream: NodeJS.ReadableStream;
  try {
    stream = await docker.pull(reference, auth ? { authconfig: { username: auth.username, password: auth.password, serveraddress: auth.serverAddress } } : {});
  } catch (err) {
    throw new Error(`could not pull image "${reference}": ${dockerMessage(err)}`);
  }
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err: Error | null, events: PullEvent[]) => {
        const failed = events?.find((e) => e.error || e.errorDetail);
        if (err || failed) reject(new Error(`could not pull image "${reference}": ${failed?.errorDetail?.message ?? failed?.error ?? err?.message}`));
        else resolve();
      },
      (event: PullEvent) => {
        if (event.status) onProgress(`pulling ${reference}: ${event.id ? `${event.id} ` : ""}${event.status}`);
      },
    );
  });
}

/**
 * Makes the image available on the daemon under the pull policy and returns
 * the id (sha256) the container will run.
 */
export async function ensureImage(
  docker: Docker,
  image: string,
  policy: PullPolicy,
  auth: RegistryAuth | undefined,
  onProgress: (message: string) => void,
): Promise<string> {
  const reference = withDefaultTag(image);
  if (policy !== "Always") {
    const id = await localImageId(docker, reference);
    if (id) return id;
    if (policy === "Never") {
      throw new Error(`image "${reference}" is not on the host and \`pullPolicy\` is "Never"; build or load it there, or use "IfNotPresent"`);
    }
  }
  await pull(docker, reference, auth, onProgress);
  const id = await localImageId(docker, reference);
  if (!id) throw new Error(`image "${reference}" is still missing after a successful pull`);
  return id;
}
