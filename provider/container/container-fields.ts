import { z } from "zod";
import { isImageReference } from "../docker/image-reference";
import { userLabelsSchema } from "../docker/labels-schema";
import { memoryBytes } from "../docker/memory-size";
import { gpuRequestSchema } from "../gpu/gpu-request";

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const volumeMountSchema = z.strictObject({
  /** A volume name (e.g. a berth Volume's `volumeName`) or an absolute host path. */
  source: z.string().min(1, "must be a volume name or an absolute host path"),
  target: z.string().startsWith("/", "must be an absolute path inside the container, e.g. `/data`"),
  readOnly: z.boolean().default(false),
});

const memorySchema = z
  .union([z.string(), z.number()])
  .refine((size) => memoryBytes(size) !== undefined, { message: "must be a size like `512m`, `2g`, `512Mi` or a byte count" });

/** Credentials for pulling from a private registry; always a secret output. */
export const registryAuthSchema = z.strictObject({
  serverAddress: z.string().min(1, "must name the registry, e.g. `registry.example.com:5000`"),
  username: z.string().min(1),
  password: z.string().min(1),
});

/** The fields every berth container resource shares: what runs, with what, as whom. */
export const containerFields = {
  image: z.string({ error: "is required: the image to run, e.g. `nginx:1.27`" }).refine(isImageReference, {
    message: "is not a valid image reference; write e.g. `nginx:1.27`, `registry:5000/team/app@sha256:…` or an image id",
  }),
  pullPolicy: z.enum(["IfNotPresent", "Always", "Never"], { error: "must be `IfNotPresent`, `Always` or `Never`" }).default("IfNotPresent"),
  registryAuth: registryAuthSchema.optional(),
  command: z.array(z.string(), { error: "must be an argv array, e.g. [\"serve\", \"--port\", \"8080\"]" }).optional(),
  entrypoint: z.array(z.string(), { error: "must be an argv array, e.g. [\"/bin/sh\", \"-c\"]" }).optional(),
  env: z
    .record(z.string().regex(ENV_NAME, "env names must be letters, digits and `_`, not starting with a digit"), z.string({ error: "env values must be strings" }))
    .default({}),
  /** Names of env entries whose values are Pulumi secrets: they are redacted from logs and errors. */
  secretEnvKeys: z.array(z.string()).default([]),
  volumes: z.array(volumeMountSchema).default([]),
  cpus: z.number().positive("must be above 0, e.g. 0.5 or 2").optional(),
  memory: memorySchema.optional(),
  labels: userLabelsSchema,
  networks: z
    .array(z.string().min(1, "must name a network, e.g. a berth Network's `networkName`"))
    .refine((networks) => new Set(networks).size === networks.length, { message: "lists a network twice; list each once" })
    .default([]),
  user: z.string().min(1).optional(),
  workdir: z.string().startsWith("/", "must be an absolute path inside the container").optional(),
  /** A GPU count or explicit ids, allocated exclusively from the host's inventory. */
  gpus: gpuRequestSchema,
};

const fieldsObject = z.object(containerFields);
export type ContainerFieldProps = z.infer<typeof fieldsObject>;

/**
 * Mounts carry no order for Docker, and neither do the networks after the
 * first (the container is created on the first and joins the others after):
 * sorted, so that reordering them is no change. The first network stays first.
 */
export function sortContainerFields<T extends Pick<ContainerFieldProps, "volumes" | "networks">>(props: T): T {
  const [primary, ...others] = props.networks;
  return {
    ...props,
    volumes: [...props.volumes].sort((a, b) => a.target.localeCompare(b.target)),
    networks: primary === undefined ? [] : [primary, ...others.sort()],
  };
}
