import * as fs from "fs";
import * as http from "http";
import type * as net from "net";
import type { Duplex } from "stream";
import { inspect } from "util";
import type { Client as SshClient, ClientChannel } from "ssh2";
import { hostKeyProblem, knownHostsName, type KnownHostsSource } from "./known-hosts";

/** Where an ssh:// host is, how to log in, and the known_hosts files to check its key against. */
export interface SshTarget {
  host: string;
  port: number;
  username?: string;
  /** The ssh-agent socket holding the login keys (SSH_AUTH_SOCK). */
  agentSocket?: string;
  /** known_hosts files, read at each connect as the OpenSSH client does; missing ones are skipped. */
  knownHostsFiles: string[];
  /** known_hosts lines given with the host itself (its `knownHosts` option). */
  knownHosts?: string;
}

function knownHostsSources(target: SshTarget): KnownHostsSource[] {
  const sources: KnownHostsSource[] = [];
  for (const file of target.knownHostsFiles) {
    try {
      sources.push({ where: file, text: fs.readFileSync(file, "utf8") });
    } catch {
      // A missing file lists no keys, as for the OpenSSH client; it is still named as searched.
      sources.push({ where: file, text: "" });
    }
  }
  if (target.knownHosts !== undefined) sources.push({ where: "the host's `knownHosts`", text: target.knownHosts });
  return sources;
}

/** Why an SSH connection failed, in words that say what to do. */
function sshFailure(err: Error & { level?: string; code?: string }, target: SshTarget, connectTimeoutMs: number): string {
  const address = `${target.host}:${target.port}`;
  if (err.level === "client-authentication") {
    return target.agentSocket
      ? `sshd at ${address} refused every key the ssh-agent at SSH_AUTH_SOCK offered for user ${target.username ?? "(none)"}; add the right key with \`ssh-add\`, or add the agent's key to the user's authorized_keys on the host`
      : `sshd at ${address} needs a key and no ssh-agent is reachable: start one, \`ssh-add\` the key and export SSH_AUTH_SOCK before running pulumi`;
  }
  if (err.level === "client-timeout") return `no SSH session with ${address} within ${connectTimeoutMs} ms; check that sshd runs there and that the network lets you reach it`;
  if (err.code === "ECONNREFUSED") return `nothing accepts connections on ${address} (connection refused); check that sshd runs there and listens on port ${target.port}`;
  if (err.code === "ENOTFOUND" || err.code === "EAI_AGAIN") return `the host name ${target.host} does not resolve (${err.code})`;
  return `SSH connection to ${address} failed: ${err.message}`;
}

/**
 * Lets the HTTP agent keep an SSH channel as it keeps a TCP socket: an idle
 * pooled channel must not hold the process open, a busy one must.
 */
function pooledChannel(channel: ClientChannel, tcp: net.Socket | undefined): Duplex {
  return Object.assign(channel, {
    setKeepAlive: () => channel,
    setNoDelay: () => channel,
    setTimeout: () => channel,
    ref: () => (tcp?.ref(), channel),
    unref: () => (tcp?.unref(), channel),
  });
}

/**
 * The HTTP agent for an ssh:// daemon: each connection is an SSH session
 * running `docker system dial-stdio` on the host, as the docker CLI does, kept
 * for the next request (a new session costs a key exchange, a login and a
 * process on the host: too slow for a readiness probe's 1 s budget). The
 * host's key is checked against known_hosts before anything is sent over the
 * session (login included); a key that is unknown, changed or revoked ends the
 * connection with a message naming the host and the key's fingerprint.
 *
 * Using this agent with dockerode's `http` protocol, instead of docker-modem's
 * `ssh` protocol, also keeps docker-modem from formatting an ssh: URL that
 * Node's url.parse warns about.
 */
export function sshDockerAgent(target: SshTarget, hostUrl: string, connectTimeoutMs: number): http.Agent {
  const agent = new http.Agent({ keepAlive: true });
  Object.assign(agent, {
    createConnection(_options: object, callback: (err: Error | null, stream?: Duplex) => void): undefined {
      // Loaded here: the SSH stack costs load time that unix:// and tcp:// hosts never need.
      const { Client }: { Client: new () => SshClient } = require("ssh2");
      const connection = new Client();
      let keyProblem: string | undefined;
      let settled = false;
      const fail = (message: string) => {
        connection.end();
        if (settled) return;
        settled = true;
        callback(new Error(`host ${hostUrl}: ${message}`));
      };
      connection.on("error", (err) => fail(keyProblem ?? sshFailure(err, target, connectTimeoutMs)));
      connection.once("ready", () => {
        connection.exec("docker system dial-stdio", (err: Error | undefined, stream: ClientChannel) => {
          if (err) return fail(`could not run \`docker system dial-stdio\` over SSH: ${err.message}`);
          settled = true;
          stream.once("close", () => connection.end());
          callback(null, pooledChannel(stream, (connection as unknown as { _sock?: net.Socket })._sock));
        });
      });
      connection.connect({
        host: target.host,
        port: target.port,
        username: target.username,
        agent: target.agentSocket,
        readyTimeout: connectTimeoutMs,
        hostVerifier: (key: Buffer) => {
          keyProblem = hostKeyProblem(knownHostsName(target.host, target.port), key, knownHostsSources(target));
          return keyProblem === undefined;
        },
      });
      return undefined;
    },
    [inspect.custom]: () => "DockerAgent(ssh)",
  });
  return agent;
}
