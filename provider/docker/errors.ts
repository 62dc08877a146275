/** Docker API answers are told apart by HTTP status, never by message text. */
export function dockerStatus(err: unknown): number | undefined {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === "number" ? status : undefined;
}

export const isNotFound = (err: unknown) => dockerStatus(err) === 404;
export const isNotModified = (err: unknown) => dockerStatus(err) === 304;
export const isConflict = (err: unknown) => dockerStatus(err) === 409;

/** The daemon's own sentence for an API error, or the transport error's message. */
export function dockerMessage(err: unknown): string {
  const e = err as { json?: { message?: string }; reason?: string; message?: string; code?: string };
  const fromDaemon = e?.json?.message;
  if (fromDaemon) return fromDaemon;
  if (e?.code === "ECONNREFUSED" || e?.code === "ENOENT") return `the daemon does not answer (${e.code})`;
  if (e?.code === "ETIMEDOUT" || e?.message === "timeout") return "the daemon did not answer in time";
  // Node's "socket hang up": the daemon, or the SSH session leading to it, went away in the middle of the call.
  if (e?.code === "ECONNRESET") return `the connection to the daemon closed before it answered (${e.message}); the call may or may not have taken effect`;
  return e?.message ?? String(err);
}
