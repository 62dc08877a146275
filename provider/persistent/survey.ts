import type Docker from "dockerode";
import { inspectContainer } from "../docker/containers";
import { allOrError, members, onEveryHost, type Member } from "./host-set";
import type { PersistentContainerProps } from "./persistent-container-schema";

export interface HostState {
  member: Member;
  info?: Docker.ContainerInspectInfo;
}

/** The named container on every host, read at once; a host that does not answer fails the survey with its name. */
export async function survey(props: PersistentContainerProps): Promise<HostState[]> {
  const hosts = members(props);
  const infos = allOrError(props, "reading the container", await onEveryHost(hosts, (m) => inspectContainer(m.docker, props.name)));
  return hosts.map((member, i) => ({ member, info: infos[i] }));
}

export const isRunning = (state: HostState) => Boolean(state.info?.State.Running);

export function describeAbsence(state: HostState): string {
  if (!state.info) return `missing on ${state.member.host.url}`;
  return `stopped on ${state.member.host.url} (exit code ${state.info.State.ExitCode ?? 1})`;
}
