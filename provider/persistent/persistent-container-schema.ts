import { z } from "zod";
import { containerFields, sortContainerFields } from "../container/container-fields";
import { runtimeFields } from "../container/runtime-fields";
import { ownerSchema } from "../dynamic/owner-schema";
import { hostInputSchema, hostTlsSchema } from "../host/host-schema";
import { DOCKER_NAME_PATTERN } from "../naming";
import { readinessSchema } from "../readiness/readiness-schema";

export const LIFETIMES = ["no_launch", "per_run", "persistent"] as const;
export type Lifetime = (typeof LIFETIMES)[number];

/** Largest setup script berth delivers; a script beyond it belongs in the image. */
export const SETUP_SCRIPT_MAX_BYTES = 1024 * 1024;

/** Keeps a container with no work of its own alive, and stops at once on SIGTERM. */
export const KEEP_ALIVE_COMMAND = ["/bin/sh", "-c", "trap 'exit 0' TERM INT; while true; do sleep 3600 & wait $!; done"];

export const setupScriptSchema = z
  .strictObject({
  /** A script file on the machine running `pulumi`, relative to the project folder unless absolute. */
  path: z.string().min(1).optional(),
  /** An inline script, written by the program to a content-addressed file of this machine's cache. */
  inline: z.literal(true).optional(),
  /** sha256 of the script when the program read it; the body itself never enters state. */
  sha256: z.string().regex(/^[a-f0-9]{64}$/, "must be the script's sha256 (64 hex digits)").optional(),
  timeoutSeconds: z.number().positive("must be above 0 seconds").default(600),
  /** On attach, a container provisioned with another script is provisioned again instead of failing. */
  reprovisionOnChange: z.boolean().default(false),
  /** The shell that runs the script inside the container. */
  shell: z.string().startsWith("/", "must be an absolute path, e.g. `/bin/bash`").default("/bin/sh"),
  })
  .superRefine((script, ctx) => {
    if ((script.path === undefined) === (script.inline === undefined)) ctx.addIssue({ code: "custom", path: [], message: "needs exactly one of `path` (a file) or `inline` (the script's text)" });
    else if (script.sha256 === undefined) ctx.addIssue({ code: "custom", path: ["path"], message: `${script.path} could not be read when the program ran; check the path and its permissions` });
  })
  .transform((script) => ({ ...script, sha256: script.sha256 as string }));

const legacy = (message: string) => z.unknown().optional().refine((v) => v === undefined, { message });

export const persistentContainerFields = z.strictObject({
  hosts: z.array(hostInputSchema).min(1, "must list at least one host"),
  hostsTls: z.array(hostTlsSchema.nullable()).default([]),
  owner: ownerSchema,
  name: z.string({ error: "is required: the container's name on every host" }).regex(DOCKER_NAME_PATTERN, "must start with a letter or digit and use only letters, digits, `_`, `.` and `-`"),
  lifetime: z.enum(LIFETIMES, {
    error: (issue) =>
      issue.input === "external"
        ? "`\"external\"` is now `\"no_launch\"`: berth verifies the container runs on every host and never launches it"
        : "must be \"no_launch\" (verify only), \"per_run\" (fresh every `up`) or \"persistent\" (kept across `up`s)",
  }),
  removeOnDestroy: z.boolean().default(false),
  stopGracePeriodSeconds: z.number().int().min(0, "must be 0 or more seconds").default(10),
  /** A new value on every program run: what replaces a per_run container on every `up`. */
  runToken: z.string().default("none"),
  /** True when the program runs for an update rather than a preview: `check` then verifies every host (docs/persistent-containers.md). */
  verifyHosts: z.boolean().default(false),
  /** What `check` found on the hosts during an update; a change from the stored value is what makes the update run. */
  observed: z.string().optional(),
  ...containerFields,
  image: containerFields.image.optional(),
  setupScript: setupScriptSchema.optional(),
  readiness: readinessSchema.optional(),
  ...runtimeFields,
  enabled: legacy("`enabled` is gone; choose `lifetime`: \"no_launch\" to only verify a container someone else runs, \"per_run\" or \"persistent\" to launch it"),
  launch: legacy("`launch` is gone; `launch: false` is `lifetime: \"no_launch\"`, `launch: true` is `lifetime: \"per_run\"` (fresh every `up`) or `\"persistent\"` (kept)"),
});

export const persistentContainerSchema = persistentContainerFields
  .superRefine((props, ctx) => {
    if (props.lifetime !== "no_launch" && props.image === undefined) {
      ctx.addIssue({ code: "custom", path: ["image"], message: `is required to launch a ${props.lifetime} container, e.g. \`ubuntu:24.04\`` });
    }
    if (props.lifetime === "no_launch" && props.setupScript) {
      ctx.addIssue({ code: "custom", path: ["setupScript"], message: "is never run for a no_launch container (berth only verifies it); remove it or choose another `lifetime`" });
    }
    if (typeof props.gpus !== "number" || props.gpus > 0) {
      ctx.addIssue({ code: "custom", path: ["gpus"], message: "is not supported on a PersistentContainer yet; pass the devices it needs with `devices`" });
    }
    if (props.removeOnDestroy && props.lifetime !== "persistent") {
      ctx.addIssue({ code: "custom", path: ["removeOnDestroy"], message: `applies only to persistent containers (a ${props.lifetime} container is ${props.lifetime === "per_run" ? "always removed" : "never removed"})` });
    }
    const urls = props.hosts.map((h) => h.url);
    urls.forEach((url, i) => {
      if (urls.indexOf(url) !== i) ctx.addIssue({ code: "custom", path: ["hosts", i], message: `lists ${url} twice; list each host once` });
    });
    for (const [kind, probe] of [["httpGet", props.readiness?.httpGet], ["tcpSocket", props.readiness?.tcpSocket]] as const) {
      if (probe && props.networkMode !== "host") {
        ctx.addIssue({ code: "custom", path: ["readiness", kind], message: "needs `networkMode: \"host\"` (a PersistentContainer publishes no ports); or use an `exec` probe" });
      }
    }
  })
  .transform(({ enabled: _enabled, launch: _launch, ...props }) => sortContainerFields({ ...props, command: props.command ?? (props.image ? KEEP_ALIVE_COMMAND : undefined) }));

export type PersistentContainerProps = z.infer<typeof persistentContainerSchema>;

/** What happened on one host. */
export interface HostResult {
  host: string;
  containerId: string;
  imageId: string;
  action: "verified" | "launched" | "attached";
  provisioned: boolean;
  startedAt?: string;
}

export interface PersistentContainerOutputs extends PersistentContainerProps {
  hostResults: HostResult[];
  specHash: string;
}
