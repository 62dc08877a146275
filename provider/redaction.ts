export const REDACTED = "[secret]";

/** Replaces every occurrence of the given secret values; longest first, so that no fragment survives. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const values = [...new Set(secrets.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  return (text) => values.reduce((out, secret) => out.split(secret).join(REDACTED), text);
}

/** The secret values a container resource knows: its secret env values and its registry password. */
export function secretsRedactor(props: { env: Record<string, string>; secretEnvKeys: string[]; registryAuth?: { password: string } }): (text: string) => string {
  return redactor([...props.secretEnvKeys.map((key) => props.env[key] ?? ""), props.registryAuth?.password ?? ""]);
}
