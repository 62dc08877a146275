/**
 * An error that names the resource, the host, the cause and what to do.
 * Messages quote values and name arguments in backticks.
 */
export function resourceError(kind: string, resource: string, hostUrl: string, cause: string, advice?: string): Error {
  const sentence = `${kind} "${resource}" on host ${hostUrl}: ${cause}`;
  return new Error(advice ? `${sentence}. ${advice}` : sentence);
}
