import { z } from "zod";
import { containerFields, sortContainerFields } from "../container/container-fields";
import { envFileSchema } from "../container/env-files";
import { runtimeFields } from "../container/runtime-fields";
import { ownerSchema } from "../dynamic/owner-schema";
import { gpuRequestProblem } from "../gpu/gpu-request";
import { hostInputSchema, hostTlsInputSchema } from "../host/host-schema";
import { DOCKER_NAME_PATTERN } from "../naming";
import { readinessSchema, type PortRef } from "../readiness/readiness-schema";

export const portSchema = z.strictObject({
  containerPort: z
    .number({ error: "must be the port the container listens on, e.g. 8080" })
    .int("must be a whole port number")
    .min(1, "must be 1–65535")
    .max(65535, "must be 1–65535"),
  hostPort: z.number().int().min(1, "must be 1–65535, or left out to have one allocated").max(65535, "must be 1–65535, or left out to have one allocated").optional(),
  protocol: z.enum(["tcp", "udp"], { error: "must be `tcp` or `udp`" }).default("tcp"),
  name: z.string().regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, "must be lower-case letters, digits and `-`, e.g. `http`").optional(),
});

export const restartSchema = z.union(
  [
    z.enum(["always", "unless-stopped", "no"]),
    z.strictObject({
      policy: z.literal("on-failure"),
      maxRetries: z.number().int().min(1, "must be at least 1; use `restart: \"no\"` for no restarts"),
    }),
  ],
  { error: "must be \"always\", \"unless-stopped\", \"no\" or { policy: \"on-failure\", maxRetries: N } with N ≥ 1" },
);

/** A container that shares the main container's network namespace: a proxy, a log shipper, an exporter. */
export const sidecarSchema = z
  .strictObject({
    name: z.string({ error: "is required: a short name, e.g. `proxy`" }).regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, "must be lower-case letters, digits and `-`, e.g. `proxy`"),
    image: containerFields.image,
    pullPolicy: containerFields.pullPolicy,
    command: containerFields.command,
    entrypoint: containerFields.entrypoint,
    env: containerFields.env,
    volumes: containerFields.volumes,
    user: containerFields.user,
    workdir: containerFields.workdir,
    ports: z
      .unknown()
      .optional()
      .refine((ports) => ports === undefined, {
        message: "cannot be published by a sidecar: it shares the main container's network; publish the port on the main container instead",
      }),
  })
  .transform(({ ports: _ports, ...sidecar }) => sidecar);

export type SidecarProps = z.infer<typeof sidecarSchema>;

export const deploymentFields = z.strictObject({
    host: hostInputSchema,
    hostTls: hostTlsInputSchema,
    owner: ownerSchema,
    name: z.string().regex(DOCKER_NAME_PATTERN, "must start with a letter or digit and use only letters, digits, `_`, `.` and `-`").optional(),
    ...containerFields,
    ports: z.array(portSchema).default([]),
    restart: restartSchema.default("no"),
    stopGracePeriodSeconds: z.number().int().min(0, "must be 0 or more seconds").default(10),
    readiness: readinessSchema.optional(),
    /** Desired state: false keeps the container created but stopped. */
    running: z.boolean().default(true),
    sidecars: z.array(sidecarSchema).default([]),
    ...runtimeFields,
    /** Files of `NAME=value` lines (compose's `env_file`), read by the program; only their sha256 enters state. */
    envFiles: z.array(envFileSchema).default([]),
  });

/** Network modes in which the container has no ports of its own to publish. */
const NO_OWN_PORTS = /^(host|none|container:.+)$/;

export const deploymentSchema = deploymentFields
  .superRefine((props, ctx) => {
    const seen = new Map<string, number>();
    const hostPorts = new Map<number, number>();
    props.ports.forEach((port, i) => {
      const key = `${port.containerPort}/${port.protocol}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["ports", i], message: `publishes ${key} twice; list each container port once` });
      seen.set(key, i);
      if (port.hostPort !== undefined) {
        if (hostPorts.has(port.hostPort)) {
          ctx.addIssue({ code: "custom", path: ["ports", i, "hostPort"], message: `${port.hostPort} is already fixed for \`ports[${hostPorts.get(port.hostPort)}]\`; two ports cannot share a host port` });
        }
        hostPorts.set(port.hostPort, i);
      }
    });
    const sidecarNames = props.sidecars.map((s) => s.name);
    sidecarNames.forEach((name, i) => {
      if (sidecarNames.indexOf(name) !== i) ctx.addIssue({ code: "custom", path: ["sidecars", i, "name"], message: `"${name}" is used twice; sidecar names must be unique` });
    });
    const gpuProblem = gpuRequestProblem(props.host, props.gpus);
    if (gpuProblem) ctx.addIssue({ code: "custom", path: ["gpus"], message: gpuProblem });
    const names = props.ports.map((p) => p.name).filter(Boolean);
    if (new Set(names).size !== names.length) ctx.addIssue({ code: "custom", path: ["ports"], message: "port names must be unique" });

    if (props.networkMode !== undefined && props.networks.length > 0) {
      ctx.addIssue({ code: "custom", path: ["networkMode"], message: "cannot be combined with `networks`; give the primary network as the first of `networks`, or only `networkMode`" });
    }
    if (props.networkMode !== undefined && NO_OWN_PORTS.test(props.networkMode) && props.ports.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["ports"],
        message: `cannot be published with \`networkMode: "${props.networkMode}"\`${props.networkMode === "host" ? ": the container listens on the host's own ports already" : ""}; remove \`ports\``,
      });
    }
    props.envFiles.forEach((file, i) => {
      if (file.sha256 === undefined) ctx.addIssue({ code: "custom", path: ["envFiles", i], message: `${file.path} could not be read when the program ran; check the path (relative to the project folder) and its permissions` });
    });
    if (props.readiness?.dockerHealthcheck && props.healthcheck?.test[0] === "NONE") {
      ctx.addIssue({ code: "custom", path: ["readiness", "dockerHealthcheck"], message: "waits for a healthcheck that `healthcheck.test: [\"NONE\"]` turns off; remove one of them" });
    }

    const probePorts: Array<[string, PortRef]> = [];
    if (props.readiness?.httpGet) probePorts.push(["httpGet", props.readiness.httpGet.port]);
    if (props.readiness?.tcpSocket) probePorts.push(["tcpSocket", props.readiness.tcpSocket.port]);
    for (const [kind, ref] of probePorts) {
      const published = props.ports.some((p) => p.protocol === "tcp" && (p.name === ref || p.containerPort === ref));
      if (!published) {
        ctx.addIssue({
          code: "custom",
          path: ["readiness", kind, "port"],
          message: `${JSON.stringify(ref)} is not a published tcp port; add it to \`ports\` (probes reach published host ports, never container ports)`,
        });
      }
    }
  })
  // Order carries no meaning for Docker: sorted, so that reordering is no change.
  .transform((props) => ({
    ...sortContainerFields(props),
    ports: [...props.ports].sort((a, b) => a.containerPort - b.containerPort || a.protocol.localeCompare(b.protocol)),
  }));

export type DeploymentProps = z.infer<typeof deploymentSchema>;
export type PortProps = DeploymentProps["ports"][number];
