import { z } from "zod";
import { containerFields, sortContainerFields } from "../container/container-fields";
import { ownerSchema } from "../dynamic/owner-schema";
import { gpuRequestProblem } from "../gpu/gpu-request";
import { hostInputSchema, hostTlsInputSchema } from "../host/host-schema";

export const jobFields = z.strictObject({
  host: hostInputSchema,
  hostTls: hostTlsInputSchema,
  owner: ownerSchema,
  ...containerFields,
  /** How long one attempt may run before it is killed. */
  timeoutSeconds: z.number({ error: "must be a number of seconds" }).positive("must be above 0 seconds").default(600),
  /** Retries after a failed attempt. */
  backoffLimit: z.number().int().min(0, "must be 0 or more retries").default(0),
  successExitCodes: z.array(z.number().int().min(0).max(255)).min(1, "must list at least one exit code, e.g. [0]").default([0]),
  /** Any values; a change re-runs the job. */
  triggers: z.array(z.unknown()).default([]),
  /** How many of the job's last log lines its outputs and errors carry. */
  logTailLines: z.number().int().min(0).max(1000).default(20),
});

export const jobSchema = jobFields
  .superRefine((props, ctx) => {
    const gpuProblem = gpuRequestProblem(props.host, props.gpus);
    if (gpuProblem) ctx.addIssue({ code: "custom", path: ["gpus"], message: gpuProblem });
  })
  .transform(sortContainerFields);

export type JobProps = z.infer<typeof jobSchema>;

export interface JobOutputs extends JobProps {
  imageId: string;
  specHash: string;
  exitCode: number;
  attempts: number;
  durationMs: number;
  logTail: string;
  completedAt: string;
  /** The successful attempt's container, kept stopped for `berth logs` until the next run or destroy; absent when it held GPUs. */
  containerName?: string;
}
