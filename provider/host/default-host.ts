import type { HostArgs, HostInput } from "./host";

const DEFAULT_SOCKET = "unix:///var/run/docker.sock";

/**
 * The host a resource talks to when none is given, following the Docker CLI's
 * environment: DOCKER_HOST, and for tcp hosts DOCKER_TLS_VERIFY/DOCKER_CERT_PATH.
 * This is the only place berth reads those variables; everything after it works
 * from explicit values, so the environment of a later `pulumi up` cannot change
 * where an existing resource lives.
 */
export function defaultHost(env: NodeJS.ProcessEnv): HostArgs {
  const url = env.DOCKER_HOST || DEFAULT_SOCKET;
  const host: HostArgs = { url };
  if (url.startsWith("tcp://") && env.DOCKER_CERT_PATH && env.DOCKER_TLS_VERIFY === "1") {
    host.tls = { certPath: env.DOCKER_CERT_PATH };
  }
  return host;
}

export function hostOrDefault(host: HostInput | undefined, env: NodeJS.ProcessEnv): HostInput {
  return host ?? defaultHost(env);
}
