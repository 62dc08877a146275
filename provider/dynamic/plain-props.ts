const PROVIDER_KEY = "__provider";

/** A value as the engine can carry it: JSON data without undefined members. */
export function plainData<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

/** The resource's own properties: without the engine's serialised provider, without undefined values. */
export function plainProps(props: Record<string, unknown>): Record<string, unknown> {
  const { [PROVIDER_KEY]: _provider, ...own } = props;
  return plainData(own);
}
