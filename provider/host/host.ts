import type * as pulumi from "@pulumi/pulumi";

/** TLS material for a `tcp://` host. Pass PEM text as Pulumi secrets, or a directory. */
export interface HostTlsArgs {
  ca?: pulumi.Input<string>;
  cert?: pulumi.Input<string>;
  key?: pulumi.Input<string>;
  /** A directory holding ca.pem, cert.pem and key.pem, read on the machine running `pulumi`. */
  certPath?: pulumi.Input<string>;
}

/** A Docker endpoint and what berth should know about it. */
export interface HostArgs {
  /** `unix:///var/run/docker.sock` (default, or `DOCKER_HOST`), `tcp://addr:port` or `ssh://user@host`. */
  url: pulumi.Input<string>;
  tls?: pulumi.Input<HostTlsArgs>;
  /** Host ports berth allocates from when a port has no fixed `hostPort`. */
  portRange?: pulumi.Input<{ from: number; to: number }>;
  /** GPU inventory of this host. */
  gpus?: pulumi.Input<{ vendor: "nvidia" | "amd" | "intel"; ids: Array<string | number>; devices?: Record<string, string[]> }>;
  /** Where published ports are reached; defaults to the URL's host, `127.0.0.1` for unix sockets. */
  probeAddress?: pulumi.Input<string>;
}

/** A host as a resource input: a URL string or a full description. */
export type HostInput = pulumi.Input<string | HostArgs>;
