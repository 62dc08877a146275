import * as pulumi from "@pulumi/pulumi";
import { containerResourceProps, mayHoldSecretEnv, type ContainerArgs } from "../container/container-args";
import { HooksResource } from "../dynamic/hooks-resource";
import { withSecretOutputs } from "../dynamic/resource-owner";

/**
 * A Job's arguments: the container's (`ContainerArgs`) and these.
 * @example { image: "alpine:3.20", command: ["sh", "-c", "echo ok > /data/ready"], volumes: [{ source: data.volumeName, target: "/data" }] }
 */
export interface JobArgs extends ContainerArgs {
  /** Seconds one attempt may run before it is killed (above 0, fractions allowed); 600 by default. */
  timeoutSeconds?: pulumi.Input<number>;
  /** Retries after a failed attempt; 0 by default. */
  backoffLimit?: pulumi.Input<number>;
  /** Exit codes (0–255) that count as success; `[0]` by default, e.g. `[0, 3]`. */
  successExitCodes?: pulumi.Input<pulumi.Input<number>[]>;
  /** Any values; a change re-runs the job, e.g. `[modelVersion]`. None by default. */
  triggers?: pulumi.Input<pulumi.Input<unknown>[]>;
  /** How many of the job's last log lines (0–1000) its outputs and errors carry (at most 16 KiB of them); 20 by default. */
  logTailLines?: pulumi.Input<number>;
}

/** A run-to-completion container on one host, run during create and on replacement. */
export class Job extends HooksResource {
  /** The successful attempt's exit code, one of `successExitCodes`. */
  declare public readonly exitCode: pulumi.Output<number>;
  /** How many attempts the last run took, 1 when the first succeeded. */
  declare public readonly attempts: pulumi.Output<number>;
  /** How long the successful attempt ran, in milliseconds. */
  declare public readonly durationMs: pulumi.Output<number>;
  /**
   * The last log lines of the successful attempt: secret env values redacted,
   * control characters escaped, at most 16 KiB. A secret output whenever an
   * env value is not plain text (it may be a secret).
   */
  declare public readonly logTail: pulumi.Output<string>;
  /** The image id (sha256) the job ran. */
  declare public readonly imageId: pulumi.Output<string>;
  /** When the successful attempt ended (ISO 8601). */
  declare public readonly completedAt: pulumi.Output<string>;
  /**
   * The successful run's container, kept stopped until the next run or destroy
   * so that `berth logs <job>` can read its whole output; absent for a job
   * given GPUs, whose container is removed at once to free them.
   */
  declare public readonly containerName: pulumi.Output<string | undefined>;

  constructor(name: string, args: JobArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(
      "job",
      "Job",
      name,
      containerResourceProps(name, args, ["exitCode", "attempts", "durationMs", "logTail", "imageId", "completedAt", "containerName"]),
      withSecretOutputs(opts, ["hostTls", "registryAuth", ...(mayHoldSecretEnv(args.env) ? ["logTail"] : [])]),
    );
  }
}
