import type Docker from "dockerode";
import { dockerClient } from "../provider/docker/client";
import { defaultHost } from "../provider/host/default-host";
import { hostSchema, type HostTlsProps } from "../provider/host/host-schema";
import { UsageError } from "./usage-error";

/** A host the command looks at; its client is made per use so that unreadable TLS files fail only that host. */
export interface HostTarget {
  url: string;
  client(): Docker;
}

/**
 * The hosts named by `--host`, or the local daemon (DOCKER_HOST, else the
 * default socket). Each URL gets the TLS settings the Docker CLI would give it
 * as DOCKER_HOST (DOCKER_TLS_VERIFY and DOCKER_CERT_PATH for tcp hosts).
 */
export function hostTargets(urls: string[] | undefined, env: NodeJS.ProcessEnv): HostTarget[] {
  const wanted = urls?.length ? [...new Set(urls)] : [String(defaultHost(env).url)];
  return wanted.map((url) => {
    const parsed = hostSchema.safeParse({ url });
    if (!parsed.success) throw new UsageError(`\`--host\` ${JSON.stringify(url)} ${parsed.error.issues[0].message}`);
    const tls = defaultHost({ ...env, DOCKER_HOST: url }).tls as HostTlsProps | undefined;
    return { url, client: () => dockerClient(parsed.data, tls) };
  });
}

