/** One way of telling that a container is ready; plain data from the props, interpreted by a small class. */
export interface ReadinessProbe {
  /** What is awaited, for messages, e.g. `http://127.0.0.1:32768/healthz`. */
  describe(): string;
  /** Resolves when the container answers as ready; otherwise throws an Error saying why not. Stops its work when `signal` aborts. */
  check(signal: AbortSignal): Promise<void>;
  /** Releases what the probe keeps open between attempts. */
  close?(): void;
}

/** A probe's answer that no amount of waiting changes, such as Docker reporting the container unhealthy: the gate fails at once. */
export class FinalProbeFailure extends Error {}
