import * as pulumi from "@pulumi/pulumi";
import type { VolumeMountArgs } from "../provider/container/container-args";
import { Deployment, type DeploymentArgs } from "../provider/deployment";
import type { HostInput } from "../provider/host";
import { Job, type JobArgs } from "../provider/job";
import { Volume, type VolumeArgs } from "../provider/volume";
import { hostMapProblems, rejectArgProblems, unknownArgs, type ArgProblem } from "./component-args";

/** An init job of a Service: a Job's arguments without `host`, and a name. */
export interface ServiceInitJobArgs extends Omit<JobArgs, "host"> {
  /** Names the Job child `<service>-<name>`, e.g. `"pull-models"`; unique within the Service. */
  name: string;
}

/**
 * A Service's arguments. Plain objects and arrays (their values may be
 * Outputs): the component creates one child per entry.
 * @example { volumes: { models: {} }, initJobs: [{ name: "pull", image: "alpine:3.20", command: ["sh", "-c", "echo ok > /models/ok"], volumes: [{ source: "models", target: "/models" }] }], deployment: { image: "nginx:1.27", ports: [{ containerPort: 80, name: "http" }], volumes: [{ source: "models", target: "/models", readOnly: true }] } }
 */
export interface ServiceArgs {
  /**
   * The hosts to run on, by a short name used in child names and outputs;
   * each host gets its own volumes, init jobs and deployment. Without it: one
   * host named `local`, the default Docker host.
   */
  hosts?: Record<string, HostInput>;
  /** Named volumes per host; mounts refer to them by key as `source`. None by default. */
  volumes?: Record<string, Omit<VolumeArgs, "host">>;
  /** Jobs run in order before the deployment starts, e.g. a puller that fills a volume. None by default. */
  initJobs?: ServiceInitJobArgs[];
  /** The long-running workload, gated on its readiness. */
  deployment: Omit<DeploymentArgs, "host">;
}

const SERVICE_ARGS = ["hosts", "volumes", "initJobs", "deployment"] satisfies Array<keyof ServiceArgs>;

/** A child's `host` would be overridden by the Service's `hosts`: say so instead of ignoring it. */
function hostInside(property: string, child: object): ArgProblem[] {
  return (child as { host?: unknown }).host !== undefined ? [{ property: `${property}.host`, reason: "comes from the Service's `hosts`; remove it here and name the host in `hosts`" }] : [];
}

function serviceArgProblems(args: ServiceArgs): ArgProblem[] {
  const problems = unknownArgs("Service", args, SERVICE_ARGS);
  if (args.hosts !== undefined) problems.push(...hostMapProblems(args.hosts));
  if (!args.deployment) {
    problems.push({ property: "deployment", reason: 'is required: the long-running workload, e.g. `{ image: "nginx:1.27", ports: [{ containerPort: 80 }] }`' });
  } else {
    problems.push(...hostInside("deployment", args.deployment));
  }
  for (const [key, volume] of Object.entries(args.volumes ?? {})) problems.push(...hostInside(`volumes.${key}`, volume));
  const names = new Set<string>();
  for (const [i, job] of (args.initJobs ?? []).entries()) {
    if (typeof job.name !== "string" || job.name === "") {
      problems.push({ property: `initJobs.${i}.name`, reason: "is required: each init job needs a name for its resource, e.g. `pull-models`" });
    } else if (names.has(job.name)) {
      problems.push({ property: `initJobs.${i}.name`, reason: `is used twice ("${job.name}"); give each init job a name of its own` });
    }
    names.add(job.name);
    problems.push(...hostInside(`initJobs.${i}`, job));
  }
  return problems;
}

/**
 * A workload on one or more hosts: named volumes, ordered init jobs, then a
 * deployment that mounts them. The component is ready when every host's
 * deployment passed its readiness gate.
 */
export class Service extends pulumi.ComponentResource {
  /** Endpoints per host name, then per port name (as a Deployment's `endpoints`). */
  public readonly endpoints: pulumi.Output<Record<string, Record<string, string>>>;
  /** Container names per host name. */
  public readonly containerNames: pulumi.Output<Record<string, string>>;
  /** The Deployment child per host name. */
  public readonly deployments: Record<string, Deployment>;

  constructor(name: string, args: ServiceArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("berth:index:Service", name, {}, opts);
    rejectArgProblems("Service", name, serviceArgProblems(args), this);
    const hosts: Record<string, HostInput | undefined> = args.hosts ?? { local: undefined };
    const multiHost = Object.keys(hosts).length > 1;

    this.deployments = {};
    for (const [hostName, host] of Object.entries(hosts)) {
      const prefix = multiHost ? `${name}-${hostName}` : name;
      const volumes = Object.fromEntries(
        Object.entries(args.volumes ?? {}).map(([key, volumeArgs]) => [key, new Volume(`${prefix}-${key}`, { ...volumeArgs, host }, { parent: this })]),
      );
      const resolveMounts = (mounts: DeploymentArgs["volumes"]) =>
        pulumi.output(mounts ?? []).apply((list) =>
          list.map((m: pulumi.Unwrap<VolumeMountArgs>) => (volumes[m.source] ? { ...m, source: volumes[m.source].volumeName } : m)),
        );

      let previous: pulumi.Resource[] = Object.values(volumes);
      for (const job of args.initJobs ?? []) {
        const { name: jobName, ...jobArgs } = job;
        const created = new Job(`${prefix}-${jobName}`, { ...jobArgs, host, volumes: resolveMounts(jobArgs.volumes) }, { parent: this, dependsOn: previous });
        previous = [...previous, created];
      }
      this.deployments[hostName] = new Deployment(
        `${prefix}-deployment`,
        { ...args.deployment, host, volumes: resolveMounts(args.deployment.volumes) },
        { parent: this, dependsOn: previous },
      );
    }

    this.endpoints = pulumi.output(Object.fromEntries(Object.entries(this.deployments).map(([hostName, d]) => [hostName, d.endpoints])));
    this.containerNames = pulumi.output(Object.fromEntries(Object.entries(this.deployments).map(([hostName, d]) => [hostName, d.containerName])));
    this.registerOutputs({ endpoints: this.endpoints, containerNames: this.containerNames });
  }
}
