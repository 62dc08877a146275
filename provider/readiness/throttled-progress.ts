import type { Clock } from "./clock";

/** Passes on at most one message per `intervalMs`, the first at once; the ones in between are dropped. */
export function throttledProgress(report: (message: string) => void, intervalMs: number, clock: Clock): (message: string) => void {
  let lastAt = -Infinity;
  return (message) => {
    const now = clock.now();
    if (now - lastAt < intervalMs) return;
    lastAt = now;
    report(message);
  };
}
