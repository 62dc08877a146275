import * as http from "http";
import * as https from "https";
import type { ReadinessProbe } from "./readiness-probe";
import { describeSocketError } from "./socket-error";
import { urlHost } from "./url-host";

export interface HttpGetTarget {
  address: string;
  port: number;
  path: string;
  scheme: "HTTP" | "HTTPS";
  headers: ReadonlyArray<{ name: string; value: string }>;
}

/** GET on the published port: any status from 200 to 399 means ready, as in Kubernetes. */
export class HttpGetProbe implements ReadinessProbe {
  constructor(private readonly target: HttpGetTarget) {}

  describe(): string {
    const { scheme, address, port, path } = this.target;
    return `${scheme.toLowerCase()}://${urlHost(address)}:${port}${path}`;
  }

  check(signal: AbortSignal): Promise<void> {
    const { scheme, address, port, path, headers } = this.target;
    const options: https.RequestOptions = {
      host: address,
      port,
      path,
      method: "GET",
      headers: Object.fromEntries(headers.map((h) => [h.name, h.value])),
      // A fresh connection per attempt: a kept-alive one could outlive the app behind it.
      agent: false,
      // Containers serve self-signed certificates; the probe asks "does it answer", not "do I trust it".
      rejectUnauthorized: false,
      signal,
    };
    return new Promise((resolve, reject) => {
      const request = (scheme === "HTTPS" ? https : http).request(options, (response) => {
        const status = response.statusCode ?? 0;
        response.destroy();
        if (status >= 200 && status < 400) resolve();
        else reject(new Error(`HTTP ${status}`));
      });
      request.on("error", (err) => reject(new Error(describeSocketError(err))));
      request.end();
    });
  }
}
