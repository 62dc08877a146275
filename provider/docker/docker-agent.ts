import * as http from "http";
import * as https from "https";
import type * as net from "net";
import * as tls from "tls";
import { inspect } from "util";

export type AgentTransport = "unix" | "tcp" | "tls";

/**
 * Bounds only the connecting of a socket: the connect, and for TLS the
 * handshake. Once connected, the socket lives as long as its request needs;
 * a stop that waits out a 30 s grace period is not cut.
 */
function connectWithin(socket: net.Socket, ms: number): void {
  const connected = socket instanceof tls.TLSSocket ? "secureConnect" : "connect";
  const timer = setTimeout(() => socket.destroy(new Error(`could not connect within ${ms} ms`)), ms);
  socket.once(connected, () => clearTimeout(timer));
  socket.once("close", () => clearTimeout(timer));
}

/**
 * The HTTP agent for a daemon, with a connect timeout that ends when the
 * connection is made (docker-modem's own `connectionTimeout` runs until the
 * answer arrives, so it cuts every slow call).
 *
 * A local socket gets a new connection for every request: opening one costs
 * microseconds, while a pooled one dies with a restarted daemon and fails the
 * next request with EPIPE. `tcp://` connections are pooled, since a TLS
 * handshake per request would cost a round trip each.
 *
 * docker-modem runs `util.inspect` over every request's options, hidden
 * properties included, even with its debug log off. A plain agent holding
 * in-flight sockets is a deep graph: inspecting it took 0.97 s of the
 * provider's CPU in a destroy of 20 deployments. This one shows itself as its
 * name.
 */
export function dockerAgent(transport: AgentTransport, connectTimeoutMs: number): http.Agent {
  const agent = transport === "tls" ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: transport === "tcp" });
  const connect = agent.createConnection.bind(agent) as (options: object, callback?: (err: Error | null, socket: net.Socket) => void) => net.Socket;
  Object.assign(agent, {
    createConnection(options: object, callback?: (err: Error | null, socket: net.Socket) => void): net.Socket {
      const socket = connect(options, callback);
      connectWithin(socket, connectTimeoutMs);
      return socket;
    },
    [inspect.custom]: () => `DockerAgent(${transport})`,
  });
  return agent;
}
