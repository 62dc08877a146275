import type * as http from "http";
import type { DockerOptions } from "dockerode";
import { hostScheme, type HostProps } from "../host/host-schema";
import { dockerAgent } from "./docker-agent";

/** TLS material read from the host's props or its certificate directory. */
export interface TlsMaterial {
  ca: string;
  cert: string;
  key: string;
}

/** The parts of the environment a connection may use; passed in so the mapping stays pure. */
export interface ConnectionEnvironment {
  sshAuthSock?: string;
}

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
    case "ssh":
      return {
        ...common,
        protocol: "ssh",
        host: url.hostname,
        port: url.port || "22",
        username: decodeURIComponent(url.username) || undefined,
        sshOptions: { readyTimeout: CONNECT_TIMEOUT_MS, ...(env.sshAuthSock ? { agent: env.sshAuthSock } : {}) },
      };
  }
}
