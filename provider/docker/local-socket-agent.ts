import * as http from "http";
import { inspect } from "util";

/**
 * The HTTP agent for a daemon's local socket: a new connection for every
 * request. Opening one costs microseconds, while a pooled one dies with a
 * restarted daemon and fails the next request with EPIPE.
 *
 * docker-modem runs `util.inspect` over every request's options, hidden
 * properties included, even with its debug log off. A plain agent holding
 * in-flight sockets is a deep graph: inspecting it took 0.97 s of the provider's
 * CPU in a destroy of 20 deployments. This one shows itself as its name.
 */
export class LocalSocketAgent extends http.Agent {
  constructor() {
    super({ keepAlive: false });
  }

  [inspect.custom](): string {
    return "LocalSocketAgent";
  }
}
