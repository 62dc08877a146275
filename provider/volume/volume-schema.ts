import { z } from "zod";
import { userLabelsSchema } from "../docker/labels-schema";
import { ownerSchema } from "../dynamic/owner-schema";
import { hostInputSchema, hostTlsInputSchema } from "../host/host-schema";
import { DOCKER_NAME_PATTERN } from "../naming";

export const volumeSchema = z.strictObject({
  host: hostInputSchema,
  hostTls: hostTlsInputSchema,
  owner: ownerSchema,
  name: z
    .string()
    .regex(DOCKER_NAME_PATTERN, "must start with a letter or digit and use only letters, digits, `_`, `.` and `-`, e.g. `model-cache`")
    .optional(),
  driver: z.string().min(1, "must name a volume driver, e.g. `local`").default("local"),
  driverOptions: z.record(z.string(), z.string({ error: "driver option values must be strings" })).default({}),
  labels: userLabelsSchema,
  /** Take over a same-named volume that berth did not create, instead of failing. */
  adopt: z.boolean({ error: "must be true or false" }).default(false),
});

export type VolumeProps = z.infer<typeof volumeSchema>;

/** What create, read and update return: the props plus what Docker reports. */
export interface VolumeOutputs extends VolumeProps {
  volumeName: string;
  mountpoint: string;
  specHash: string;
  adopted: boolean;
}
