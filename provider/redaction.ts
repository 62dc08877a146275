export const REDACTED = "[secret]";

/** Replaces every occurrence of the given secret values; longest first, so that no fragment survives. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const values = [...new Set(secrets.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  return (text) => values.reduce((out, secret) => out.split(secret).join(REDACTED), text);
}
