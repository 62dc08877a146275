import { z } from "zod";
import { containerFields, sortContainerFields } from "../container/container-fields";
import { ownerSchema } from "../dynamic/owner-schema";
import { hostInputSchema, hostTlsInputSchema } from "../host/host-schema";
import { DOCKER_NAME_PATTERN } from "../naming";
import { execSchema, httpGetSchema } from "../readiness/readiness-schema";

const seconds = (what: string, min: number) =>
  z.number({ error: `must be a number of seconds (${what})` }).min(min, `must be at least ${min} (seconds)`);

export const swarmPortSchema = z.strictObject({
  containerPort: z.number({ error: "must be the port the container listens on, e.g. 8080" }).int().min(1, "must be 1–65535").max(65535, "must be 1–65535"),
  hostPort: z
    .number({ error: "is required: the port each node publishes in host mode, e.g. 8080 (the routing mesh is not used)" })
    .int()
    .min(1, "must be 1–65535")
    .max(65535, "must be 1–65535"),
  protocol: z.enum(["tcp", "udp"], { error: "must be `tcp` or `udp`" }).default("tcp"),
});

/**
 * Readiness of a task, in berth's vocabulary, written into the task's Docker
 * healthcheck: the swarm itself holds a task in `starting` until it is
 * healthy and gates rolling updates on it (docs/swarm.md).
 */
export const swarmReadinessSchema = z
  .strictObject({
    httpGet: httpGetSchema.optional(),
    exec: execSchema.optional(),
    dockerHealthcheck: z.boolean().optional(),
    tcpSocket: z.unknown().optional().refine((v) => v === undefined, {
      message: "is not a SwarmService probe: tasks are probed from inside; use `exec: { command: [\"nc\", \"-z\", \"127.0.0.1\", \"<port>\"] }`",
    }),
    logLine: z.unknown().optional().refine((v) => v === undefined, {
      message: "is not a SwarmService probe: the swarm gates on a task's healthcheck; use `exec` or `httpGet`",
    }),
    initialDelaySeconds: seconds("before failures count", 0).default(0),
    periodSeconds: seconds("between probes", 0.1).default(1),
    timeoutSeconds: seconds("for one probe attempt", 0.1).default(1),
    failureThreshold: z.number().int().min(1, "must be at least 1").default(3),
    /** How long create and update wait for every task to run and be ready. */
    deadlineSeconds: seconds("for the whole gate", 1).default(120),
  })
  .refine((r) => r.httpGet || r.exec || r.dockerHealthcheck, { message: "needs a probe: `httpGet`, `exec` or `dockerHealthcheck: true`" })
  .refine((r) => !(r.httpGet && r.exec), { message: "takes one of `httpGet` and `exec`: both become the task's single healthcheck" })
  .transform(({ tcpSocket: _t, logLine: _l, ...readiness }) => readiness);

export const updatePolicySchema = z
  .strictObject({
    parallelism: z.number().int().min(0, "must be 0 (all at once) or more tasks").default(1),
    delaySeconds: seconds("between batches", 0).default(0),
    /** Defaults to `start-first`, or `stop-first` when host-mode ports are published (a node's port cannot be held twice). */
    order: z.enum(["start-first", "stop-first"], { error: "must be `start-first` or `stop-first`" }).optional(),
    failureAction: z.enum(["rollback", "pause", "continue"], { error: "must be `rollback`, `pause` or `continue`" }).default("rollback"),
    monitorSeconds: seconds("watching each new task after it runs", 0).default(5),
    maxFailureRatio: z.number().min(0, "must be 0–1").max(1, "must be 0–1").default(0),
  })
  .default({ parallelism: 1, delaySeconds: 0, failureAction: "rollback", monitorSeconds: 5, maxFailureRatio: 0 });

const memorySchema = containerFields.memory;

export const swarmServiceFields = z.strictObject({
  host: hostInputSchema,
  hostTls: hostTlsInputSchema,
  owner: ownerSchema,
  name: z.string().regex(DOCKER_NAME_PATTERN, "must start with a letter or digit and use only letters, digits, `_`, `.` and `-`").max(63, "must be at most 63 characters").optional(),
  image: containerFields.image,
  registryAuth: containerFields.registryAuth,
  command: containerFields.command,
  entrypoint: containerFields.entrypoint,
  env: containerFields.env,
  secretEnvKeys: containerFields.secretEnvKeys,
  volumes: containerFields.volumes,
  cpus: containerFields.cpus,
  memory: memorySchema,
  reservations: z.strictObject({ cpus: containerFields.cpus, memory: memorySchema }).optional(),
  labels: containerFields.labels,
  networks: containerFields.networks,
  user: containerFields.user,
  workdir: containerFields.workdir,
  gpus: z.number({ error: "must be a GPU count per task, e.g. 1; the swarm picks the GPUs from each node's `gpu` generic resources" }).int().min(0, "must be 0 or more GPUs").default(0),
  mode: z.enum(["replicated", "global"], { error: "must be `replicated` or `global`" }).default("replicated"),
  replicas: z.number().int().min(0, "must be 0 or more tasks").optional(),
  placement: z
    .strictObject({
      constraints: z.array(z.string().regex(/(==|!=)/, "must compare with `==` or `!=`, e.g. `node.labels.gpu==true`")).default([]),
      /** Spread descriptors, e.g. `node.labels.zone`. */
      spread: z.array(z.string().min(1)).default([]),
    })
    .default({ constraints: [], spread: [] }),
  ports: z.array(swarmPortSchema).default([]),
  endpointMode: z.enum(["vip", "dnsrr"], { error: "must be `vip` or `dnsrr`" }).default("vip"),
  update: updatePolicySchema,
  stopGracePeriodSeconds: z.number().int().min(0, "must be 0 or more seconds").default(10),
  readiness: swarmReadinessSchema.optional(),
});

export const swarmServiceSchema = swarmServiceFields
  .superRefine((props, ctx) => {
    if (props.mode === "global" && props.replicas !== undefined) {
      ctx.addIssue({ code: "custom", path: ["replicas"], message: "cannot be set with `mode: \"global\"`, which runs one task per eligible node; remove it or use `mode: \"replicated\"`" });
    }
    const seen = new Set<string>();
    props.ports.forEach((port, i) => {
      const key = `${port.hostPort}/${port.protocol}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["ports", i, "hostPort"], message: `${key} is published twice; each host port once` });
      seen.add(key);
    });
    if (props.ports.length > 0 && props.update.order === "start-first") {
      ctx.addIssue({
        code: "custom",
        path: ["update", "order"],
        message: "`start-first` cannot place a new task on a node whose host-mode port its old task holds; use `stop-first` or leave `order` out",
      });
    }
    if (props.readiness?.httpGet && typeof props.readiness.httpGet.port !== "number") {
      ctx.addIssue({ code: "custom", path: ["readiness", "httpGet", "port"], message: "must be the container port number the task serves on, e.g. 80 (the probe runs inside the task)" });
    }
  })
  .transform((props) => ({
    ...sortContainerFields(props),
    // A task joins all its networks at once: none is primary, so order carries no meaning.
    networks: [...props.networks].sort(),
    replicas: props.mode === "replicated" ? (props.replicas ?? 1) : undefined,
    ports: [...props.ports].sort((a, b) => a.hostPort - b.hostPort || a.protocol.localeCompare(b.protocol)),
    update: { ...props.update, order: props.update.order ?? (props.ports.length > 0 ? "stop-first" : "start-first") },
  }));

export type SwarmServiceProps = z.infer<typeof swarmServiceSchema>;
