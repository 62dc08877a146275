export const REDACTED = "[secret]";

/** Lines of a multi-line secret shorter than this (a brace, a blank) are too common to replace on their own. */
const MIN_SECRET_LINE_CHARS = 8;

/** A secret, and each substantial line of a multi-line one: output is often cut into lines before anyone sees it. */
function secretForms(secret: string): string[] {
  const lines = secret.includes("\n") ? secret.split("\n").map((line) => line.trim()) : [];
  return [secret, ...lines.filter((line) => line.length >= MIN_SECRET_LINE_CHARS)];
}

/** Replaces every occurrence of the given secret values; longest first, so that no fragment survives. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const values = [...new Set(secrets.flatMap(secretForms).filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  return (text) => values.reduce((out, secret) => out.split(secret).join(REDACTED), text);
}

/** The secret values a container resource knows: its secret env values and its registry password. */
export function secretsRedactor(props: { env: Record<string, string>; secretEnvKeys: string[]; registryAuth?: { password: string } }): (text: string) => string {
  return redactor([...props.secretEnvKeys.map((key) => props.env[key] ?? ""), props.registryAuth?.password ?? ""]);
}
