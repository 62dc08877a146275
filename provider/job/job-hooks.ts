import type * as pulumi from "@pulumi/pulumi";
import type Docker from "dockerode";
import { joinOtherNetworks } from "../container/join-networks";
import { containerPlan } from "../container/container-plan";
import { dockerClient } from "../docker/client";
import { createNamedContainer, inspectContainer, removeAfterFailure, removeContainer } from "../docker/containers";
import { dockerMessage } from "../docker/errors";
import { ensureImage, type LocalImage } from "../docker/image";
import { createWithGpus, gpuStartProblem } from "../gpu/create-with-gpus";
import { trustedContainers } from "../docker/label-trust";
import { createLabels, LABELS } from "../docker/labels";
import { plainData, plainProps } from "../dynamic/plain-props";
import { replacingSpecHash } from "../dynamic/property-diff";
import { log } from "../log";
import { objectName } from "../naming";
import { lastOutputLine, progress, runningFor } from "../progress";
import { dockerTimeNanos } from "../readiness/docker-time";
import { secretsRedactor } from "../redaction";
import { resourceError } from "../resource-error";
import { checkInputs } from "../validation/check-inputs";
import { JOB_DIFF_RULES, jobDiff } from "./job-diff";
import { jobSchema, type JobOutputs, type JobProps } from "./job-schema";
import { runAttempt, type AttemptResult } from "./run-attempt";

function fail(props: JobProps, cause: string, advice?: string): Error {
  return resourceError("Job", props.owner.resource, `host ${props.host.url}`, cause, advice);
}

function client(props: JobProps): Docker {
  return dockerClient(props.host, props.hostTls);
}

/**
 * This job's containers: the finished container a run kept, and any that an
 * interrupted run left. Removed before a new run, and at destroy. `sparing`
 * keeps the ones a later run may own.
 */
async function removeJobContainers(docker: Docker, props: JobProps, sparing: (info: Docker.ContainerInspectInfo) => boolean = () => false): Promise<void> {
  const { owner } = props;
  const filters = { label: [`${LABELS.kind}=job`, `${LABELS.project}=${owner.project}`, `${LABELS.stack}=${owner.stack}`, `${LABELS.resource}=${owner.resource}`] };
  for (const container of await trustedContainers(docker, await docker.listContainers({ all: true, filters }))) {
    const info = await inspectContainer(docker, container.Id);
    if (!info || sparing(info)) continue;
    log.provider("job %s: removing container %s of an earlier or interrupted run", owner.resource, container.Id.slice(0, 12));
    await removeContainer(docker, container.Id);
  }
}

/**
 * A container that exited after this run completed is a later run's, kept by
 * it for its logs: a replacement creates the new run before it deletes the
 * old one.
 */
const laterRun = (completedAt: string | undefined) => (info: Docker.ContainerInspectInfo) =>
  completedAt !== undefined && info.State.Status === "exited" && dockerTimeNanos(info.Created) > Date.parse(completedAt) * 1e6;

const succeeded = (props: JobProps, result: AttemptResult) => !result.timedOut && !result.oomKilled && props.successExitCodes.includes(result.exitCode);

/** SIGKILL's exit code: the OOM killer killed the main process itself. */
const KILLED = 137;

function describeFailure(props: JobProps, result: AttemptResult, attempts: number): string {
  const limit = props.memory ? ` (memory limit ${props.memory})` : "";
  const what = result.timedOut
    ? `did not finish within ${props.timeoutSeconds * 1000} ms and was killed`
    : result.oomKilled && result.exitCode === KILLED
      ? `was killed for running out of memory (exit code ${result.exitCode}${props.memory ? `, memory limit ${props.memory}` : ""})`
      : result.oomKilled
        ? `exited with code ${result.exitCode}, but a process in it was killed for running out of memory${limit}, so its work is incomplete`
        : `exited with code ${result.exitCode} (success is ${props.successExitCodes.join(", ")})`;
  const tries = attempts > 1 ? ` on each of ${attempts} attempts (backoffLimit ${props.backoffLimit})` : "";
  const tail = result.logTail ? `; last log lines:\n${result.logTail}` : "; it wrote no log lines";
  return `${what}${tries}${tail}`;
}

export async function check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
  return checkInputs(jobSchema, plainProps(news), "Job");
}

export async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult> {
  return jobDiff(plainProps(olds), plainProps(news));
}

export async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
  const props = jobSchema.parse(plainProps(inputs));
  const docker = client(props);
  const hash = replacingSpecHash(props, JOB_DIFF_RULES);
  const report = progress(`Job "${props.owner.resource}"`);
  const redact = secretsRedactor(props);

  let image: LocalImage;
  try {
    await removeJobContainers(docker, props);
    image = await ensureImage(docker, props.image, props.pullPolicy, props.registryAuth, report);
  } catch (err) {
    throw fail(props, redact(dockerMessage(err)));
  }

  const attempts = props.backoffLimit + 1;
  let result: AttemptResult | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    report(`running attempt ${attempt} of ${attempts} (timeout ${props.timeoutSeconds} s)`);
    const name = `${objectName(props.owner, hash)}-${attempt}`;
    let kept = false;
    try {
      const { container, gpuIds } = await createWithGpus(docker, props.host, props.gpus, props.image, async (gpuIds) => {
        const labels = createLabels({ kind: "job", owner: props.owner, specHash: hash, gpus: gpuIds, containerName: name }, props.labels, image.labels);
        const created = await createNamedContainer(docker, containerPlan(props, name, labels, { inventory: props.host.gpus, ids: gpuIds }));
        await joinOtherNetworks(docker, created.id, props.networks).catch(async (err) => {
          await removeAfterFailure(docker, created.id);
          throw err;
        });
        return created;
      });
      result = await runAttempt(docker, container, props.timeoutSeconds * 1000, props.logTailLines, redact, (elapsedMs, logEnd) =>
        report(runningFor(`running attempt ${attempt} of ${attempts}`, elapsedMs, props.timeoutSeconds, { label: "last log line", text: lastOutputLine(logEnd, redact) })),
      );
      // A finished container still holds its GPUs by its labels (gpu-holdings.ts): keeping it would block them for others.
      kept = succeeded(props, result) && gpuIds.length === 0;
      if (!kept) await removeContainer(docker, container.id);
    } catch (err) {
      const message = dockerMessage(err);
      throw fail(props, gpuStartProblem(message, props.host) ?? `could not run attempt ${attempt}: ${message}`);
    }
    if (succeeded(props, result)) {
      const outs: JobOutputs = {
        ...props,
        ...(kept ? { containerName: name } : {}),
        imageId: image.id,
        specHash: hash,
        exitCode: result.exitCode,
        attempts: attempt,
        durationMs: result.durationMs,
        logTail: result.logTail,
        completedAt: new Date().toISOString(),
      };
      return { id: `${objectName(props.owner, hash)}-${Date.now().toString(36)}`, outs: plainData(outs) };
    }
    log.provider("job %s: attempt %d failed with exit code %d", props.owner.resource, attempt, result.exitCode);
  }
  throw fail(props, describeFailure(props, result!, attempts));
}

/** A job's result is history: there is no object to refresh. */
export async function read(id: string, stored: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
  return { id, props: plainProps(stored) };
}

export async function update(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult> {
  const old = plainProps(olds) as unknown as JobOutputs;
  // A rename (aliases, a new parent) updates in place: the owner stays the one its containers were labelled with.
  const props = { ...jobSchema.parse(plainProps(news)), owner: old.owner };
  const { imageId, specHash, exitCode, attempts, durationMs, logTail, completedAt, containerName } = old;
  return { outs: plainData({ ...props, imageId, specHash, exitCode, attempts, durationMs, logTail, completedAt, ...(containerName ? { containerName } : {}) }) };
}

export async function deleteJob(_id: string, stored: Record<string, unknown>): Promise<void> {
  const props = plainProps(stored) as unknown as JobOutputs;
  try {
    await removeJobContainers(client(props), props, laterRun(props.completedAt));
  } catch (err) {
    throw fail(props, `could not clean up: ${dockerMessage(err)}`);
  }
}

export { deleteJob as delete };
