import type * as pulumi from "@pulumi/pulumi";

/** A duration: seconds as a number, or compose's form, e.g. `"10s"`, `"1m30s"`, `"500ms"`. */
export type DurationArgs = number | string;

/** Docker's HEALTHCHECK for the container, as compose's `healthcheck` writes it. */
export interface HealthcheckArgs {
  /**
   * The check: a shell command string, an argv array, or Docker's own form.
   * @example "wget -qO- http://127.0.0.1/healthz" | ["CMD", "pg_isready"] | ["NONE"]
   */
  test: pulumi.Input<string | pulumi.Input<string>[]>;
  /** Time between checks; the first runs one interval after the start. Default `2` (seconds), e.g. `"5s"`. */
  interval?: pulumi.Input<DurationArgs>;
  /** How long one check may take before it counts as failed. Default `5` (seconds), e.g. `"3s"`. */
  timeout?: pulumi.Input<DurationArgs>;
  /** Consecutive failures that make the container unhealthy. Default `3`, e.g. `5`. */
  retries?: pulumi.Input<number>;
  /** Time after the start in which failures do not count. Default `0`, e.g. `"30s"`. */
  startPeriod?: pulumi.Input<DurationArgs>;
}

/** A soft and a hard limit; `-1` is unlimited. */
export interface UlimitLimitArgs {
  /** e.g. `1024` */
  soft: pulumi.Input<number>;
  /** e.g. `4096` */
  hard: pulumi.Input<number>;
}

/** A ulimit in list form. */
export interface UlimitArgs extends UlimitLimitArgs {
  /** A kernel limit name, e.g. `memlock` or `nofile`. */
  name: pulumi.Input<string>;
}

/**
 * Ulimits by name, as compose writes them (a number sets soft and hard;
 * `-1` is unlimited), or as a list.
 * @example { memlock: -1, nofile: { soft: 1024, hard: 4096 } }
 */
export type UlimitsArgs = Record<string, pulumi.Input<number | UlimitLimitArgs>> | pulumi.Input<UlimitArgs>[];

/** A host device passed into the container. */
export interface DeviceArgs {
  /** e.g. `/dev/fuse` */
  hostPath: pulumi.Input<string>;
  /** Where it appears in the container. Default: `hostPath`. */
  containerPath?: pulumi.Input<string>;
  /** cgroup permissions, letters of `rwm`. Default `rwm`, e.g. `rw`. */
  permissions?: pulumi.Input<string>;
}

/** How a container runs on its host, shared by Deployment and PersistentContainer. Each change replaces the container. */
export interface RuntimeArgs {
  /** Docker's HEALTHCHECK for the container (overrides the image's). Default: the image's, if any. Example: `{ test: ["CMD", "pg_isready"], interval: "5s" }`. */
  healthcheck?: pulumi.Input<HealthcheckArgs>;
  /** Host devices to pass in. Default none. Example: `["/dev/fuse", { hostPath: "/dev/sda", containerPath: "/dev/xvda", permissions: "r" }]`. */
  devices?: pulumi.Input<pulumi.Input<string | DeviceArgs>[]>;
  /** Full access to the host's devices and capabilities. Default `false` (never on unless asked). Example: `true`. */
  privileged?: pulumi.Input<boolean>;
  /** Docker's network mode instead of `networks`: `host`, `none`, `container:<name>`, `bridge` or a network's name. Default: the first of `networks`, else Docker's `bridge`. Example: `"host"`. */
  networkMode?: pulumi.Input<string>;
  /** Size of `/dev/shm`. Default Docker's 64 MB. Example: `"1g"`. */
  shmSize?: pulumi.Input<string | number>;
  /** IPC namespace: `private`, `shareable`, `host`, `none` or `container:<name>`. Default Docker's (`private` or `shareable`). Example: `"host"`. */
  ipc?: pulumi.Input<string>;
  /** Resource limits by name. Default: the daemon's. Example: `{ memlock: -1, nofile: { soft: 1024, hard: 4096 } }`. */
  ulimits?: pulumi.Input<UlimitsArgs>;
}
