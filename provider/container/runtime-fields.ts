import { z } from "zod";
import { memoryBytes } from "../docker/memory-size";
import { durationSeconds } from "./duration";

/** Ulimit names the Linux kernel (and so Docker) knows. */
export const ULIMIT_NAMES = ["core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack"] as const;

const ulimitName = z.enum(ULIMIT_NAMES, { error: `must be one of ${ULIMIT_NAMES.join(", ")}` });
const ulimitValue = z.number({ error: "must be a whole number, or -1 for unlimited" }).int("must be a whole number, or -1 for unlimited").min(-1, "must be 0 or more, or -1 for unlimited");
const softHard = z
  .strictObject({ soft: ulimitValue, hard: ulimitValue })
  .refine((u) => u.hard === -1 || (u.soft !== -1 && u.soft <= u.hard), { message: "`soft` must not exceed `hard` (-1 is unlimited)" });

/**
 * A value that may take one of several forms, validated by the form its type
 * picks: errors then speak of that form (a union would only say that no form fits).
 */
function formChosenBy<T>(pick: (input: unknown) => z.ZodType<T>) {
  return z.unknown().transform((input, ctx): T => {
    const result = pick(input).safeParse(input);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue(issue as unknown as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  });
}

const ulimitList = z.array(z.strictObject({ name: ulimitName, soft: ulimitValue, hard: ulimitValue }), {
  error: "must map ulimit names to limits, e.g. `{ memlock: -1, nofile: { soft: 1024, hard: 4096 } }`",
});
const ulimitMap = z
  .record(
    z.string().refine((name) => (ULIMIT_NAMES as readonly string[]).includes(name), { message: `must be one of ${ULIMIT_NAMES.join(", ")}` }),
    formChosenBy<number | { soft: number; hard: number }>((limit) => (typeof limit === "object" && limit !== null ? softHard : ulimitValue)),
  )
  .transform((given) => Object.entries(given).map(([name, limit]) => (typeof limit === "number" ? { name, soft: limit, hard: limit } : { name, ...limit })));

/**
 * `{ memlock: -1, nofile: { soft: 1024, hard: 4096 } }` as compose writes
 * it, or the list form `[{ name, soft, hard }]`; one list either way.
 */
export const ulimitsSchema = formChosenBy((given) => (Array.isArray(given) || typeof given !== "object" ? ulimitList : ulimitMap)).default([]);

const deviceObject = z.strictObject({
  hostPath: z.string({ error: "is required: the device on the host, e.g. `/dev/fuse`" }).startsWith("/", "must be an absolute path, e.g. `/dev/fuse`"),
  containerPath: z.string().startsWith("/", "must be an absolute path, e.g. `/dev/fuse`").optional(),
  permissions: z.string().regex(/^[rwm]+$/, "must be letters of `rwm`, e.g. `rw`").default("rwm"),
});

const deviceString = z
  .string()
  .regex(/^\/[^:]*(:\/[^:]*)?(:[rwm]+)?$/, "must be `HOST[:CONTAINER][:PERMISSIONS]` with absolute paths, e.g. `/dev/fuse` or `/dev/sda:/dev/xvda:rw`")
  .transform((spec) => {
    const [hostPath, ...rest] = spec.split(":");
    const containerPath = rest[0]?.startsWith("/") ? rest.shift() : undefined;
    return { hostPath, ...(containerPath ? { containerPath } : {}), permissions: rest[0] ?? "rwm" };
  });

/** `/dev/fuse`, `/dev/sda:/dev/xvda:rw` (compose's form) or `{ hostPath, containerPath, permissions }`. */
export const deviceSchema = formChosenBy((device) => (typeof device === "string" ? deviceString : deviceObject));

const HEALTHCHECK_FORMS = "a shell command string, an argv array, or Docker's form `[\"CMD\", …]`, `[\"CMD-SHELL\", \"…\"]`, `[\"NONE\"]`";

/** Docker's test for a healthcheck's `test`: a string runs in a shell; an argv without Docker's prefix runs as CMD. */
function dockerTest(test: string | string[]): string[] {
  if (typeof test === "string") return ["CMD-SHELL", test];
  return ["CMD", "CMD-SHELL", "NONE"].includes(test[0]) ? test : ["CMD", ...test];
}

/**
 * The container's Docker HEALTHCHECK, as compose's `healthcheck` writes it.
 * The interval defaults to 2 s, not Docker's 30 s: Docker runs the first
 * check one interval after the start, and readiness gated on it waits that long.
 */
export const healthcheckSchema = z
  .strictObject({
    test: z
      .union([z.string().min(1, `must not be empty; give ${HEALTHCHECK_FORMS}`), z.array(z.string()).min(1, `must not be empty; give ${HEALTHCHECK_FORMS}`)], {
        error: `is required: ${HEALTHCHECK_FORMS}`,
      })
      .refine((test) => !Array.isArray(test) || (test[0] !== "CMD" && test[0] !== "CMD-SHELL") || test.length > 1, { message: "names no command after its `CMD` or `CMD-SHELL`" })
      .refine((test) => !Array.isArray(test) || test[0] !== "NONE" || test.length === 1, { message: "`[\"NONE\"]` takes nothing after it" })
      .transform(dockerTest),
    interval: durationSeconds(0.001).default(2),
    timeout: durationSeconds(0.001).default(5),
    retries: z.number({ error: "must be a whole number of failed checks, e.g. 3" }).int("must be a whole number, e.g. 3").min(1, "must be at least 1").default(3),
    startPeriod: durationSeconds(0).default(0),
  }, {
    error: (issue) =>
      typeof issue.input === "boolean"
        ? "must be Docker's HEALTHCHECK, e.g. `{ test: [\"CMD\", \"pg_isready\"] }`; to wait for the image's own HEALTHCHECK write `readiness: { dockerHealthcheck: true }`"
        : undefined,
  });

export type HealthcheckProps = z.infer<typeof healthcheckSchema>;

const IPC_MODE = /^(none|private|shareable|host|container:.+)$/;

/**
 * How a container runs on its host, beyond what it runs: shared by the
 * resources that create long-running containers (Deployment,
 * PersistentContainer). Each change replaces the container: Docker's update
 * API changes none of them.
 */
export const runtimeFields = {
  healthcheck: healthcheckSchema.optional(),
  devices: z.array(deviceSchema).default([]),
  /** Never on unless asked. */
  privileged: z.boolean({ error: "must be true or false" }).default(false),
  networkMode: z
    .string()
    .regex(/^(bridge|host|none|container:.+|[A-Za-z0-9][A-Za-z0-9_.-]*)$/, "must be `bridge`, `host`, `none`, `container:<name>` or a network's name")
    .optional(),
  shmSize: z
    .union([z.string(), z.number()])
    .refine((size) => memoryBytes(size) !== undefined, { message: "must be a size like `64m`, `1g` or a byte count" })
    .optional(),
  ipc: z.string().regex(IPC_MODE, "must be `private`, `shareable`, `host`, `none` or `container:<name>`").optional(),
  ulimits: ulimitsSchema,
};

const runtimeObject = z.object(runtimeFields);
export type RuntimeProps = z.infer<typeof runtimeObject>;

export const RUNTIME_FIELD_NAMES = Object.keys(runtimeFields) as Array<keyof RuntimeProps>;
