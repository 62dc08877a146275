import type Docker from "dockerode";
import { systemClock, type Clock } from "../readiness/clock";
import { throttledProgress } from "../readiness/throttled-progress";
import { dockerMessage, isNotFound } from "./errors";
import { withDefaultTag } from "./image-reference";
import { PULL_PROGRESS_MS, PullProgress, type PullEvent } from "./pull-progress";

export type PullPolicy = "IfNotPresent" | "Always" | "Never";

export interface RegistryAuth {
  username: string;
  password: string;
  serverAddress: string;
}

/** An image on the daemon: the id (sha256) a container runs, and the labels it would pass on to one. */
export interface LocalImage {
  id: string;
  labels: Record<string, string>;
}

async function localImage(docker: Docker, reference: string): Promise<LocalImage | undefined> {
  try {
    const info = await docker.getImage(reference).inspect();
    return { id: info.Id, labels: info.Config?.Labels ?? {} };
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/**
 * Pulls an image, reading errors from the progress stream (Docker reports them
 * there, not in the status code), and says how far it got, at most once per
 * `PULL_PROGRESS_MS`.
 */
async function pull(docker: Docker, reference: string, auth: RegistryAuth | undefined, onProgress: (message: string) => void, clock: Clock): Promise<void> {
  let stream: NodeJS.ReadableStream;
  try {
    stream = await docker.pull(reference, auth ? { authconfig: { username: auth.username, password: auth.password, serveraddress: auth.serverAddress } } : {});
  } catch (err) {
    throw new Error(`could not pull image "${reference}": ${dockerMessage(err)}`);
  }
  const layers = new PullProgress();
  const report = throttledProgress(onProgress, PULL_PROGRESS_MS, clock);
  report(`pulling ${reference}`);
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err: Error | null, events: PullEvent[]) => {
        const failed = events?.find((e) => e.error || e.errorDetail);
        if (err || failed) reject(new Error(`could not pull image "${reference}": ${failed?.errorDetail?.message ?? failed?.error ?? err?.message}`));
        else resolve();
      },
      (event: PullEvent) => {
        if (layers.record(event)) report(`pulling ${reference}: ${layers.summary()}`);
      },
    );
  });
}

/**
 * Makes the image available on the daemon under the pull policy and returns
 * what a create needs of it: the id (sha256) the container will run and the
 * image's labels.
 */
export async function ensureImage(
  docker: Docker,
  image: string,
  policy: PullPolicy,
  auth: RegistryAuth | undefined,
  onProgress: (message: string) => void,
  clock: Clock = systemClock,
): Promise<LocalImage> {
  const reference = withDefaultTag(image);
  if (policy !== "Always") {
    const found = await localImage(docker, reference);
    if (found) return found;
    if (policy === "Never") {
      throw new Error(`image "${reference}" is not on the host and \`pullPolicy\` is "Never"; build or load it there, or use "IfNotPresent"`);
    }
  }
  await pull(docker, reference, auth, onProgress, clock);
  const pulled = await localImage(docker, reference);
  if (!pulled) throw new Error(`image "${reference}" is still missing after a successful pull`);
  return pulled;
}
