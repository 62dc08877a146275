import { z } from "zod";

/** A port a probe targets: the container port number, or the `name` of one of the resource's ports. */
export const portRefSchema = z.union([z.number().int().min(1).max(65535), z.string().min(1)], {
  error: "must be a container port number (e.g. 8080) or the `name` of one of `ports`",
});
export type PortRef = z.infer<typeof portRefSchema>;

const seconds = (what: string, min: number) =>
  z.number({ error: `must be a number of seconds (${what})` }).min(min, `must be at least ${min} (seconds)`);

export const httpGetSchema = z.strictObject({
  port: portRefSchema,
  path: z.string().startsWith("/", "must start with `/`, e.g. `/healthz`").default("/"),
  scheme: z.enum(["HTTP", "HTTPS"], { error: "must be `HTTP` or `HTTPS`" }).default("HTTP"),
  headers: z.array(z.strictObject({ name: z.string().min(1), value: z.string() })).default([]),
});

export const tcpSocketSchema = z.strictObject({ port: portRefSchema });

export const execSchema = z.strictObject({
  command: z
    .array(z.string(), { error: "must be an argv array, e.g. [\"pg_isready\", \"-U\", \"postgres\"]" })
    .min(1, "must not be empty; give the program and its arguments, e.g. [\"cat\", \"/tmp/ready\"]"),
});

export const logLineSchema = z.strictObject({
  pattern: z.string().min(1).refine(
    (p) => {
      try {
        new RegExp(p);
        return true;
      } catch {
        return false;
      }
    },
    { message: "must be a valid JavaScript regular expression, e.g. `listening on port \\d+`" },
  ),
  times: z.number().int().min(1, "must be at least 1").default(1),
});

/**
 * Readiness: one or more probe kinds, all of which must pass, with Kubernetes'
 * timing fields. Periods may be fractions of a second so that a gate notices
 * readiness within tens of milliseconds.
 */
export const readinessSchema = z
  .strictObject({
    httpGet: httpGetSchema.optional(),
    tcpSocket: tcpSocketSchema.optional(),
    exec: execSchema.optional(),
    logLine: logLineSchema.optional(),
    /** Wait for the container's Docker HEALTHCHECK (its `healthcheck`, else the image's) to report healthy. */
    dockerHealthcheck: z.boolean().optional(),
    initialDelaySeconds: seconds("before the first probe", 0).default(0),
    periodSeconds: seconds("between probes", 0.01).default(0.05),
    timeoutSeconds: seconds("for one probe attempt", 0.01).default(1),
    successThreshold: z.number().int().min(1, "must be at least 1").default(1),
    /** Consecutive failures after which the gate gives up; unlimited (up to the deadline) when absent. */
    failureThreshold: z.number().int().min(1, "must be at least 1").optional(),
    /** The overall deadline for the whole gate. */
    deadlineSeconds: seconds("for the whole gate", 0.1).default(120),
  })
  .refine((r) => r.httpGet || r.tcpSocket || r.exec || r.logLine || r.dockerHealthcheck, {
    message: "needs at least one probe: `httpGet`, `tcpSocket`, `exec`, `logLine` or `dockerHealthcheck: true`",
  });

export type ReadinessProps = z.infer<typeof readinessSchema>;

/**
 * The readiness a gate runs: what the user wrote, or one berth derives. A
 * Deployment gated on its own `healthcheck` follows compose's
 * `service_healthy`, where Docker's `unhealthy` is final; under
 * `readiness.dockerHealthcheck`, as under every berth probe, only the deadline
 * ends the wait, since a status can still turn healthy.
 */
export type GateReadiness = ReadinessProps & { unhealthyIsFinal?: boolean };
