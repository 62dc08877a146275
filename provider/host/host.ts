import type * as pulumi from "@pulumi/pulumi";

/**
 * TLS material for a `tcp://` host: `ca`, `cert` and `key` as PEM text
 * (pass them as Pulumi secrets; they are kept secret in state), or `certPath`.
 * @example { ca: cfg.requireSecret("ca"), cert: cfg.requireSecret("cert"), key: cfg.requireSecret("key") }
 */
export interface HostTlsArgs {
  /** The CA certificate (PEM) that signed the daemon's certificate. */
  ca?: pulumi.Input<string>;
  /** The client certificate (PEM). */
  cert?: pulumi.Input<string>;
  /** The client key (PEM); pass it as a Pulumi secret. */
  key?: pulumi.Input<string>;
  /** A directory holding ca.pem, cert.pem and key.pem, read on the machine running `pulumi`, e.g. `"/home/ml/.docker/gpu-01"`. */
  certPath?: pulumi.Input<string>;
}

/**
 * Host ports berth allocates from when a port has no fixed `hostPort`.
 * Choose a range outside the kernel's ephemeral ports (32768–60999 by default).
 * @example { from: 30000, to: 30999 }
 */
export interface PortRangeArgs {
  /** The lowest port, 1–65535. */
  from: pulumi.Input<number>;
  /** The highest port, 1–65535, not below `from`. */
  to: pulumi.Input<number>;
}

/** The GPU vendors berth can hand devices of to a container. */
export type GpuVendor = "nvidia" | "amd" | "intel";

/**
 * The GPUs of a host, allocated exclusively to containers that ask for `gpus`.
 * @example { vendor: "nvidia", ids: ["0", "1"] }
 */
export interface GpuInventoryArgs {
  /** `"nvidia"` (a Docker device request for the ids), `"amd"` or `"intel"` (the GPUs' device nodes). */
  vendor: pulumi.Input<GpuVendor>;
  /** The GPU ids as the vendor's tools name them; numbers are read as strings. At least one. */
  ids: pulumi.Input<pulumi.Input<string | number>[]>;
  /** Device nodes per GPU id, overriding the vendor's defaults, e.g. `{ "0": ["/dev/dri/renderD128"] }`. */
  devices?: pulumi.Input<Record<string, pulumi.Input<pulumi.Input<string>[]>>>;
}

/**
 * A Docker endpoint and what berth should know about it.
 * @example { url: "ssh://ml@gpu-01", portRange: { from: 30000, to: 30999 }, gpus: { vendor: "nvidia", ids: ["0", "1"] } }
 */
export interface HostArgs {
  /** `unix:///var/run/docker.sock`, `tcp://addr:port` or `ssh://user@host`. */
  url: pulumi.Input<string>;
  /** TLS material for a `tcp://` host; none by default. */
  tls?: pulumi.Input<HostTlsArgs>;
  /** Host ports berth allocates from; without it Docker chooses an ephemeral port. */
  portRange?: pulumi.Input<PortRangeArgs>;
  /** The host's GPU inventory; none by default. */
  gpus?: pulumi.Input<GpuInventoryArgs>;
  /** Where published ports are reached (endpoints, probes); defaults to the URL's host, `127.0.0.1` for a unix socket. */
  probeAddress?: pulumi.Input<string>;
  /**
   * For an `ssh://` host: known_hosts lines to trust besides `~/.ssh/known_hosts`
   * and `/etc/ssh/ssh_known_hosts`, e.g. from stack config in CI; none by default.
   * @example "[gpu-02]:2222 ssh-ed25519 AAAAC3Nza…"
   */
  knownHosts?: pulumi.Input<string>;
}

/**
 * A host as a resource input: a URL string or a full description. Without
 * one, a resource uses `DOCKER_HOST` (with `DOCKER_TLS_VERIFY`/`DOCKER_CERT_PATH`)
 * or `unix:///var/run/docker.sock`, read once and recorded in state.
 * @example "ssh://ml@gpu-01"
 */
export type HostInput = pulumi.Input<string | HostArgs>;
