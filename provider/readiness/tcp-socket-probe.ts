import * as net from "net";
import { once } from "events";
import type { Clock } from "./clock";
import type { ReadinessProbe } from "./readiness-probe";
import { describeSocketError, NOTHING_LISTENS } from "./socket-error";
import { urlHost } from "./url-host";

/**
 * Docker's userland port proxy accepts a connection on the published port even
 * while nothing listens in the container, and closes it about a millisecond
 * later. A connection that stays open this long, or that carries data, has
 * reached the app.
 */
const PROXY_HOLD_MS = 50;

/** A TCP connection to the published port that the app, not just Docker's proxy, accepts. */
export class TcpSocketProbe implements ReadinessProbe {
  constructor(
    private readonly address: string,
    private readonly port: number,
    private readonly clock: Clock,
  ) {}

  describe(): string {
    return `tcp://${urlHost(this.address)}:${this.port}`;
  }

  async check(signal: AbortSignal): Promise<void> {
    const socket = net.connect({ host: this.address, port: this.port });
    try {
      await once(socket, "connect", { signal }).catch((err) => {
        throw new Error(describeSocketError(err));
      });
      await this.held(socket, signal);
    } finally {
      socket.destroy();
    }
  }

  private held(socket: net.Socket, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      socket.once("data", () => resolve());
      socket.once("end", () => reject(new Error(`connection closed at once: ${NOTHING_LISTENS}`)));
      socket.once("error", (err) => reject(new Error(describeSocketError(err))));
      this.clock.sleep(PROXY_HOLD_MS, signal).then(resolve, reject);
    });
  }
}
