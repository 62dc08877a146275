import type { Clock } from "../../../../provider/readiness";

interface Timer {
  at: number;
  order: number;
  fire(): void;
}

/**
 * Virtual time: a sleep never waits. Whenever every promise chain has settled
 * (checked with setImmediate), time jumps to the earliest pending sleep and
 * wakes it, so concurrent sleeps and races behave as they would in real time.
 */
export class FakeClock implements Clock {
  private time = 0;
  private order = 0;
  private timers: Timer[] = [];
  private scheduled = false;

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer: Timer = {
        at: this.time + Math.max(0, ms),
        order: this.order++,
        fire: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.timers.push(timer);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.timers.shift();
      if (!next) return;
      this.time = Math.max(this.time, next.at);
      next.fire();
      if (this.timers.length > 0) this.schedule();
    });
  }
}
