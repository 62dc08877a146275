/**
 * Why Docker's port proxy drops a connection it accepted: nothing in the
 * container accepts it on the container's address, which is also what an app
 * bound to loopback looks like from outside.
 */
export const NOTHING_LISTENS = "nothing listens yet, or the app listens on 127.0.0.1 only instead of 0.0.0.0";

const SENTENCES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  // Node's "socket hang up": Docker's port proxy accepts and then drops the connection while nothing listens in the container.
  ECONNRESET: `connection closed without an answer: ${NOTHING_LISTENS}`,
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
};

/** A short sentence for a failed connection, for progress lines and error messages. */
export function describeSocketError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return (e?.code && SENTENCES[e.code]) || e?.message || String(err);
}
