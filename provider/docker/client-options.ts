import type * as http from "http";
import type { DockerOptions } from "dockerode";
import { hostScheme, type HostProps } from "../host/host-schema";
import { dockerAgent } from "./docker-agent";
import { sshDockerAgent } from "./ssh-tunnel";

/** TLS material read from the host's props or its certificate directory. */
export interface TlsMaterial {
  ca: string;
  cert: string;
  key: string;
}

/** The parts of the environment a connection may use; passed in so the mapping stays pure. */
export interface ConnectionEnvironment {
  sshAuthSock?: string;
  /** The user's home directory, whose .ssh/known_hosts lists the ssh:// host keys they trust. */
  home?: string;
}

/** The system-wide known_hosts file the OpenSSH client also reads. */
export const GLOBAL_KNOWN_HOSTS = "/etc/ssh/ssh_known_hosts";

/** How long connecting to a host may take (for `ssh://`, until the SSH session is ready); the calls themselves have their own deadlines. */
export const CONNECT_TIMEOUT_MS = 10_000;

/** dockerode's options, with the HTTP agent that docker-modem accepts but dockerode's types leave out. */
export type ClientOptions = DockerOptions & { agent?: http.Agent };

/**
 * Maps a host to dockerode options. Every option docker-modem would otherwise
 * fill from DOCKER_HOST, DOCKER_CERT_PATH or DOCKER_TLS_VERIFY is set here
 * explicitly (to `undefined` where unused), because docker-modem merges those
 * environment defaults under whatever it is given.
 */
export function dockerClientOptions(
  host: HostProps,
  tls: TlsMaterial | undefined,
  env: ConnectionEnvironment,
): ClientOptions {
  const url = new URL(host.url);
  const common: DockerOptions = {
    socketPath: undefined,
    host: undefined,
    port: undefined,
    protocol: undefined,
    username: undefined,
    ca: undefined,
    cert: undefined,
    key: undefined,
    timeout: undefined,
    pathPrefix: undefined,
    sshOptions: undefined,
    // docker-modem's own timer runs until the answer arrives, cutting every slow call: the agent bounds connecting instead.
    connectionTimeout: undefined,
  } as DockerOptions;

  switch (hostScheme(host.url)) {
    case "unix":
      return { ...common, socketPath: decodeURIComponent(url.pathname), protocol: "http", agent: dockerAgent("unix", CONNECT_TIMEOUT_MS) };
    case "tcp":
      return {
        ...common,
        host: url.hostname,
        port: url.port,
        protocol: tls ? "https" : "http",
        agent: dockerAgent(tls ? "tls" : "tcp", CONNECT_TIMEOUT_MS),
        ...(tls ? { ca: tls.ca, cert: tls.cert, key: tls.key } : {}),
      };
    case "ssh": {
      const port = Number(url.port || "22");
      const target = {
        host: url.hostname,
        port,
        username: decodeURIComponent(url.username) || undefined,
        agentSocket: env.sshAuthSock,
        knownHostsFiles: [...(env.home ? [`${env.home}/.ssh/known_hosts`] : []), GLOBAL_KNOWN_HOSTS],
        knownHosts: host.knownHosts,
      };
      // Plain HTTP over an agent that tunnels through SSH; `port` here only names the pool.
      return { ...common, host: url.hostname, port: String(port), protocol: "http", agent: sshDockerAgent(target, host.url, CONNECT_TIMEOUT_MS) };
    }
  }
}
