const SENTENCES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  // Node's "socket hang up": Docker's port proxy accepts and then drops the connection while nothing listens in the container.
  ECONNRESET: "connection closed without an answer",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
};

/** A short sentence for a failed connection, for progress lines and error messages. */
export function describeSocketError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return (e?.code && SENTENCES[e.code]) || e?.message || String(err);
}
