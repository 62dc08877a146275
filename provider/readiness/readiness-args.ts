import type * as pulumi from "@pulumi/pulumi";

/**
 * The port a probe targets: a container port number of the resource's
 * `ports`, or the `name` of one of them, e.g. `8080` or `"http"`.
 */
export type ProbePortArgs = number | string;

/** One header an HTTP probe sends. */
export interface HttpHeaderArgs {
  /** The header's name, e.g. `"Authorization"`. */
  name: pulumi.Input<string>;
  /** The header's value, e.g. `"Bearer probe"`. */
  value: pulumi.Input<string>;
}

/**
 * Ready when a GET answers 200–399. It goes to the published host port on the
 * host's probe address, never to the container's own address.
 * @example { port: "http", path: "/healthz" }
 */
export interface HttpGetProbeArgs {
  /** A published tcp port: its container port number or its `name`, e.g. `8080` or `"http"`. */
  port: pulumi.Input<ProbePortArgs>;
  /** The request path; `"/"` by default. Must start with `/`, e.g. `"/healthz"`. */
  path?: pulumi.Input<string>;
  /** `"HTTP"` (default) or `"HTTPS"`; with `"HTTPS"` the port's endpoint is `https://…`. */
  scheme?: pulumi.Input<"HTTP" | "HTTPS">;
  /** Headers sent with every probe; none by default. */
  headers?: pulumi.Input<pulumi.Input<HttpHeaderArgs>[]>;
}

/**
 * Ready when a TCP connection to the published host port opens.
 * @example { port: 5432 }
 */
export interface TcpSocketProbeArgs {
  /** A published tcp port: its container port number or its `name`, e.g. `5432` or `"db"`. */
  port: pulumi.Input<ProbePortArgs>;
}

/**
 * Ready when a command run inside the container exits 0.
 * @example { command: ["pg_isready", "-U", "postgres"] }
 */
export interface ExecProbeArgs {
  /** The program and its arguments, run without a shell; not empty, e.g. `["cat", "/tmp/ready"]`. */
  command: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * Ready when the container's log (stdout and stderr) of this start has a
 * line matching `pattern`, `times` times.
 * @example { pattern: "listening on port \\d+" }
 */
export interface LogLineProbeArgs {
  /** A JavaScript regular expression matched against each line, e.g. `"ready to accept connections"`. */
  pattern: pulumi.Input<string>;
  /** How many matching lines make the container ready; 1 by default. */
  times?: pulumi.Input<number>;
}

/**
 * Readiness probes with Kubernetes' field names: every probe kind given must
 * pass in the same attempt, and at least one must be given.
 * @example { httpGet: { port: "http", path: "/healthz" }, periodSeconds: 0.2, deadlineSeconds: 120 }
 */
export interface ReadinessArgs {
  /** An HTTP GET that must answer 200–399. */
  httpGet?: pulumi.Input<HttpGetProbeArgs>;
  /** A TCP connect that must succeed. */
  tcpSocket?: pulumi.Input<TcpSocketProbeArgs>;
  /** A command inside the container that must exit 0. */
  exec?: pulumi.Input<ExecProbeArgs>;
  /** A log line that must appear. */
  logLine?: pulumi.Input<LogLineProbeArgs>;
  /** `true`: wait for the image's own Docker HEALTHCHECK to report healthy since this start. */
  dockerHealthcheck?: pulumi.Input<boolean>;
  /** Seconds before the first probe; 0 by default. */
  initialDelaySeconds?: pulumi.Input<number>;
  /** Seconds between probes, fractions allowed (at least 0.01); 0.05 by default. */
  periodSeconds?: pulumi.Input<number>;
  /** Seconds one probe attempt may take (at least 0.01); 1 by default. */
  timeoutSeconds?: pulumi.Input<number>;
  /** Consecutive passing attempts that make the container ready; 1 by default. */
  successThreshold?: pulumi.Input<number>;
  /** Consecutive failing attempts after which the gate fails; unlimited (up to `deadlineSeconds`) by default. */
  failureThreshold?: pulumi.Input<number>;
  /** Seconds the whole gate may take (at least 0.1); 120 by default. */
  deadlineSeconds?: pulumi.Input<number>;
}
