import type Docker from "dockerode";
import { dockerClient } from "../docker/client";
import { dockerMessage } from "../docker/errors";
import type { HostProps } from "../host/host-schema";
import { progress } from "../progress";
import { resourceError } from "../resource-error";
import type { PersistentContainerProps } from "./persistent-container-schema";

/** One host of a PersistentContainer, with its client. */
export interface Member {
  host: HostProps;
  docker: Docker;
}

export function members(props: PersistentContainerProps): Member[] {
  return props.hosts.map((host, i) => ({ host, docker: dockerClient(host, props.hostsTls[i] ?? undefined) }));
}

export type Settled<T> = { member: Member; ok: true; value: T } | { member: Member; ok: false; error: string };

/** Runs the same step on every host at once and reports each host's outcome; never rejects. */
export async function onEveryHost<T>(hosts: Member[], step: (member: Member) => Promise<T>): Promise<Array<Settled<T>>> {
  const outcomes = await Promise.allSettled(hosts.map(step));
  return outcomes.map((outcome, i) =>
    outcome.status === "fulfilled"
      ? { member: hosts[i], ok: true, value: outcome.value }
      : { member: hosts[i], ok: false, error: outcome.reason instanceof Error && !("statusCode" in outcome.reason) ? outcome.reason.message : dockerMessage(outcome.reason) },
  );
}

/** The values of a step that succeeded on every host, or an error naming each host that failed. */
export function allOrError<T>(props: PersistentContainerProps, what: string, settled: Array<Settled<T>>): T[] {
  const failed = settled.filter((s): s is Extract<Settled<T>, { ok: false }> => !s.ok);
  if (failed.length > 0) throw failure(props, `${what} failed on ${failed.map((f) => `${f.member.host.url}: ${f.error}`).join("; ")}`);
  return settled.map((s) => (s as Extract<Settled<T>, { ok: true }>).value);
}

export function failure(props: PersistentContainerProps, cause: string, advice?: string): Error {
  const where = props.hosts.length === 1 ? `host ${props.hosts[0].url}` : `${props.hosts.length} hosts`;
  return resourceError("PersistentContainer", props.owner.resource, where, cause, advice);
}

/** Progress of a step on one host, on the resource's row. */
export function hostProgress(props: PersistentContainerProps, member: Member): (message: string) => void {
  return progress(`PersistentContainer "${props.owner.resource}" on ${member.host.url}`);
}
