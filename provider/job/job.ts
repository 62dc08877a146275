import * as pulumi from "@pulumi/pulumi";
import { containerResourceProps, mayHoldSecretEnv, type ContainerArgs } from "../container/container-args";
import { hooksProvider } from "../dynamic/hooks-provider";
import { withSecretOutputs } from "../dynamic/resource-owner";

export interface JobArgs extends ContainerArgs {
  /** How long one attempt may run before it is killed; 600 s by default. */
  timeoutSeconds?: pulumi.Input<number>;
  /** Retries after a failed attempt; 0 by default. */
  backoffLimit?: pulumi.Input<number>;
  /** Exit codes that count as success; `[0]` by default. */
  successExitCodes?: pulumi.Input<pulumi.Input<number>[]>;
  /** Any values; a change re-runs the job. */
  triggers?: pulumi.Input<pulumi.Input<unknown>[]>;
  /** How many of the job's last log lines its outputs and errors carry (at most 16 KiB of them); 20 by default. */
  logTailLines?: pulumi.Input<number>;
}

// One provider object per kind: Pulumi serialises a provider once per object, not once per resource.
const PROVIDER = hooksProvider("job");

/** A run-to-completion container on one host, run during create and on replacement. */
export class Job extends pulumi.dynamic.Resource {
  declare public readonly exitCode: pulumi.Output<number>;
  declare public readonly attempts: pulumi.Output<number>;
  declare public readonly durationMs: pulumi.Output<number>;
  /**
   * The last log lines of the successful attempt: secret env values redacted,
   * control characters escaped, at most 16 KiB. A secret output whenever an
   * env value is not plain text (it may be a secret).
   */
  declare public readonly logTail: pulumi.Output<string>;
  declare public readonly imageId: pulumi.Output<string>;
  declare public readonly completedAt: pulumi.Output<string>;

  constructor(name: string, args: JobArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(
      PROVIDER,
      name,
      containerResourceProps(name, args, ["exitCode", "attempts", "durationMs", "logTail", "imageId", "completedAt"]),
      withSecretOutputs(opts, ["hostTls", "registryAuth", ...(mayHoldSecretEnv(args.env) ? ["logTail"] : [])]),
      "berth",
      "Job",
    );
  }
}
