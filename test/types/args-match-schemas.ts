/**
 * The explicit arg interfaces users see must describe exactly what `check`
 * accepts: the same fields, and values that each side accepts from the other
 * (once Pulumi inputs are resolved). `npm run build` compiles this file
 * (tsconfig.programs.json), so an arg and its zod schema cannot drift apart.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type * as berth from "pulumi-berth";
import type { registryAuthSchema, volumeMountSchema } from "../../provider/container/container-fields";
import type { deploymentFields, portSchema, restartSchema, sidecarSchema } from "../../provider/deployment/deployment-schema";
import type { DeploymentOutputs } from "../../provider/deployment/deployment-outputs";
import type { PullPolicy } from "../../provider/docker/image";
import type { gpuRequestSchema } from "../../provider/gpu/gpu-request";
import type { gpuInventorySchema, GPU_VENDORS, hostSchema, hostTlsSchema, portRangeSchema } from "../../provider/host/host-schema";
import type { jobFields } from "../../provider/job/job-schema";
import type {
  HostResult,
  LIFETIMES,
  persistentContainerFields,
  setupScriptSchema,
} from "../../provider/persistent/persistent-container-schema";
import type { execSchema, httpGetSchema, logLineSchema, readinessSchema, tcpSocketSchema } from "../../provider/readiness/readiness-schema";
import type { volumeSchema } from "../../provider/volume/volume-schema";

type Assert<T extends true> = T;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type SameKeys<A, B> = Equal<keyof A, keyof B>;
type EachAccepts<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Same fields, and each accepts the other's values. */
type Same<A, B> = SameKeys<A, B> extends true ? EachAccepts<A, B> : false;
/** `Args`, with its Pulumi inputs resolved, is the schema's input. */
type Matches<Args, Input> = Same<pulumi.Unwrap<Args>, Input>;

/** Properties the program adds for the provider (or `check` keeps to reject old spellings), never written by a user. */
type Internal = "host" | "hostTls" | "hostsTls" | "owner" | "secretEnvKeys" | "runToken" | "verifyHosts" | "observed" | "enabled" | "launch";
type UserFields<Schema extends z.ZodType> = Omit<z.input<Schema>, Internal>;
/** Fields given in one of several forms (compose's and Docker's), whose schema picks the form at run time. */
type MultiForm = "devices" | "ulimits";

export type ArgsMatchSchemas = [
  Assert<Matches<berth.HostTlsArgs, z.input<typeof hostTlsSchema>>>,
  Assert<Matches<Omit<berth.HostArgs, "tls">, z.input<typeof hostSchema>>>,
  Assert<Matches<berth.PortRangeArgs, z.input<typeof portRangeSchema>>>,
  Assert<Matches<berth.GpuInventoryArgs, z.input<typeof gpuInventorySchema>>>,
  Assert<Equal<berth.GpuVendor, (typeof GPU_VENDORS)[number]>>,
  Assert<EachAccepts<pulumi.Unwrap<berth.GpuRequestArgs> | undefined, z.input<typeof gpuRequestSchema>>>,
  Assert<Matches<berth.VolumeMountArgs, z.input<typeof volumeMountSchema>>>,
  Assert<Matches<berth.RegistryAuthArgs, z.input<typeof registryAuthSchema>>>,
  Assert<Equal<berth.PullPolicy, PullPolicy>>,

  Assert<Matches<berth.HttpGetProbeArgs, z.input<typeof httpGetSchema>>>,
  Assert<Matches<berth.TcpSocketProbeArgs, z.input<typeof tcpSocketSchema>>>,
  Assert<Matches<berth.ExecProbeArgs, z.input<typeof execSchema>>>,
  Assert<Matches<berth.LogLineProbeArgs, z.input<typeof logLineSchema>>>,
  Assert<Matches<berth.ReadinessArgs, z.input<typeof readinessSchema>>>,

  Assert<Matches<Omit<berth.VolumeArgs, "host">, UserFields<typeof volumeSchema>>>,
  Assert<Matches<berth.PortArgs, z.input<typeof portSchema>>>,
  Assert<EachAccepts<pulumi.Unwrap<berth.RestartArgs>, z.input<typeof restartSchema>>>,
  Assert<Matches<berth.SidecarArgs, Omit<z.input<typeof sidecarSchema>, "ports">>>,
  // `devices` and `ulimits` take several forms, parsed by a chooser whose zod input is `unknown`
  // (their forms are tested in the unit tests of the runtime fields); `envFiles` is read by the program.
  Assert<SameKeys<Omit<berth.DeploymentArgs, "host">, UserFields<typeof deploymentFields>>>,
  Assert<Matches<Omit<berth.DeploymentArgs, "host" | MultiForm | "envFiles">, Omit<UserFields<typeof deploymentFields>, MultiForm | "envFiles">>>,
  Assert<Equal<berth.DeploymentState, Exclude<DeploymentOutputs["state"], "gone">>>,
  Assert<SameKeys<Omit<berth.JobArgs, "host">, UserFields<typeof jobFields>>>,
  // pulumi.Unwrap<unknown> is never, so `triggers` (any values) is left out of the comparison of values.
  Assert<Matches<Omit<berth.JobArgs, "host" | "triggers">, Omit<UserFields<typeof jobFields>, "triggers">>>,

  // `hosts` and `setupScript` are turned into other values by the program; `gpus` is not supported yet.
  Assert<Matches<Omit<berth.PersistentContainerArgs, "hosts" | "setupScript" | MultiForm>, Omit<UserFields<typeof persistentContainerFields>, "hosts" | "setupScript" | "gpus" | MultiForm>>>,
  Assert<Matches<Omit<berth.SetupScriptArgs, "path" | "inline">, Omit<z.input<typeof setupScriptSchema>, "path" | "inline" | "sha256">>>,
  Assert<Equal<berth.Lifetime, (typeof LIFETIMES)[number]>>,
  Assert<Same<berth.HostResult, HostResult>>,
  Assert<Equal<berth.HostAction, HostResult["action"]>>,
];
