import { CONNECT_TIMEOUT_MS } from "../provider/docker/client-options";
import { dockerMessage } from "../provider/docker/errors";
import type { HostTarget } from "./host-targets";
import { style } from "./style";
import type { Terminal } from "./terminal";

export type HostResult<T> = { url: string; value: T } | { url: string; error: string };

/** Options for a Docker call that must answer in bounded time: an unreachable host costs at most this long. */
export const answerWithin = () => ({ abortSignal: AbortSignal.timeout(CONNECT_TIMEOUT_MS) });

/** Why a Docker call failed, in the daemon's words or as the timeout it ran into. */
export function failureMessage(err: unknown): string {
  const name = (err as { name?: string } | null)?.name;
  if (name === "AbortError" || name === "TimeoutError") return `did not answer within ${CONNECT_TIMEOUT_MS} ms`;
  return dockerMessage(err);
}

/** Runs `work` on every host at once; a host that fails is one result among the others, in the order given. */
export function eachHost<T>(targets: HostTarget[], work: (target: HostTarget) => Promise<T>): Promise<Array<HostResult<T>>> {
  return Promise.all(
    targets.map(async (target): Promise<HostResult<T>> => {
      try {
        return { url: target.url, value: await work(target) };
      } catch (err) {
        return { url: target.url, error: failureMessage(err) };
      }
    }),
  );
}

/** One line on stderr per host that failed, naming it; true when any did. */
export function reportHostFailures(results: Array<HostResult<unknown>>, terminal: Terminal): boolean {
  const failures = results.filter((r) => "error" in r);
  for (const { url, error } of failures) terminal.err(style(terminal.color).red(`berth: host ${url}: ${error}`));
  return failures.length > 0;
}

/** What the hosts that answered returned, host by host. */
export const answers = <T>(results: Array<HostResult<T[]>>): T[] => results.flatMap((r) => ("value" in r ? r.value : []));

/** The URLs of the hosts that answered. */
export const answered = (results: Array<HostResult<unknown>>): string[] => results.filter((r) => "value" in r).map((r) => r.url);
