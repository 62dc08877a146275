// Docker's reference grammar, simplified: [registry[:port]/]path[:tag][@digest].
const component = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const registry = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?";
const tag = "(?::[\\w][\\w.-]{0,127})?";
const digest = "(?:@sha256:[a-f0-9]{64})?";
const REFERENCE = new RegExp(`^${registry}${component}(?:/${component})*${tag}${digest}$`);
const IMAGE_ID = /^sha256:[a-f0-9]{64}$/;

/** True for a name Docker accepts as an image reference or id. */
export function isImageReference(value: string): boolean {
  return IMAGE_ID.test(value) || REFERENCE.test(value);
}

/** A reference with the implicit `:latest` made explicit, as Docker resolves it. */
export function withDefaultTag(reference: string): string {
  if (IMAGE_ID.test(reference) || reference.includes("@")) return reference;
  const lastSegment = reference.slice(reference.lastIndexOf("/") + 1);
  return lastSegment.includes(":") ? reference : `${reference}:latest`;
}
