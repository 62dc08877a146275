import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type Docker from "dockerode";
import type { HostProps, HostTlsProps } from "../host/host-schema";
import { dockerClientOptions, type TlsMaterial } from "./client-options";
import { boundRequests } from "./request-deadline";

function tlsMaterial(tls: HostTlsProps | undefined): TlsMaterial | undefined {
  if (!tls) return undefined;
  if (tls.ca && tls.cert && tls.key) return { ca: tls.ca, cert: tls.cert, key: tls.key };
  const dir = tls.certPath as string;
  const read = (file: string) => {
    try {
      return fs.readFileSync(path.join(dir, file), "utf8");
    } catch (err) {
      throw new Error(`\`host.tls.certPath\` ${JSON.stringify(dir)} has no readable ${file} (${(err as Error).message})`);
    }
  };
  return { ca: read("ca.pem"), cert: read("cert.pem"), key: read("key.pem") };
}

// One client per host per process: every `pulumi up` is a new provider process,
// and within it all resources on a host share one connection pool.
const clients = new Map<string, Docker>();

export function dockerClient(host: HostProps, tls?: HostTlsProps): Docker {
  const key = JSON.stringify([host, tls ?? null]);
  let client = clients.get(key);
  if (!client) {
    // Loaded on first use: dockerode and its gRPC and SSH dependencies take about
    // 300 ms to load, and a preview, which only checks and diffs, never needs them.
    const DockerClient: typeof Docker = require("dockerode");
    client = new DockerClient(dockerClientOptions(host, tlsMaterial(tls), { sshAuthSock: process.env.SSH_AUTH_SOCK, home: os.homedir() }));
    boundRequests(client, host.url);
    clients.set(key, client);
  }
  return client;
}
