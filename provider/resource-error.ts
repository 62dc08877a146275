/**
 * An error that names the resource, the host, the cause and what to do.
 * Messages quote values and name arguments in backticks.
 */
export function resourceError(kind: string, resource: string, where: string, cause: string, advice?: string): Error {
  const sentence = `${kind} "${resource}" on ${where}: ${cause}`;
  return new Error(advice ? `${sentence}. ${advice}` : sentence);
}
