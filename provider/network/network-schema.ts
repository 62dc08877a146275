import { isIP } from "net";
import { z } from "zod";
import { userLabelsSchema } from "../docker/labels-schema";
import { ownerSchema } from "../dynamic/owner-schema";
import { hostInputSchema, hostTlsInputSchema } from "../host/host-schema";
import { DOCKER_NAME_PATTERN } from "../naming";

function isCidr(text: string): boolean {
  const [address, bits, ...rest] = text.split("/");
  const family = isIP(address);
  return rest.length === 0 && family !== 0 && /^\d+$/.test(bits ?? "") && Number(bits) <= (family === 4 ? 32 : 128);
}

export const ipamSchema = z
  .strictObject({
    subnet: z.string({ error: "is required: a CIDR block, e.g. `10.42.0.0/24`" }).refine(isCidr, { message: "must be a CIDR block, e.g. `10.42.0.0/24`" }),
    gateway: z.string().refine((ip) => isIP(ip) !== 0, { message: "must be an IP address inside `subnet`, e.g. `10.42.0.1`" }).optional(),
  });

export const networkSchema = z.strictObject({
  host: hostInputSchema,
  hostTls: hostTlsInputSchema,
  owner: ownerSchema,
  name: z
    .string()
    .regex(DOCKER_NAME_PATTERN, "must start with a letter or digit and use only letters, digits, `_`, `.` and `-`, e.g. `backend`")
    .optional(),
  driver: z.string().min(1, "must name a network driver, e.g. `bridge`").default("bridge"),
  /** No route out of the network: containers on it reach only each other. */
  internal: z.boolean({ error: "must be true or false" }).default(false),
  /** Containers that berth does not manage (`docker run --network`) may join it. */
  attachable: z.boolean({ error: "must be true or false" }).default(false),
  ipam: ipamSchema.optional(),
  labels: userLabelsSchema,
  /** Take over a same-named network that berth did not create, instead of failing. */
  adopt: z.boolean({ error: "must be true or false" }).default(false),
});

export type NetworkProps = z.infer<typeof networkSchema>;

/** What create, read and update return: the props plus what Docker reports. */
export interface NetworkOutputs extends NetworkProps {
  networkName: string;
  networkId: string;
  specHash: string;
  adopted: boolean;
}
