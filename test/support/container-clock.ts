/**
 * A shell command that prints the kernel's wall clock, which containers share
 * with the host (busybox `adjtimex`): a container runs it just before an event
 * so that the host can time how long it took to notice the event.
 */
export const PRINT_WALL_CLOCK = "adjtimex | grep -E 'status|tv_(sec|usec)'";

// With this status bit set (by a time daemon), the kernel gives `tv_usec` in nanoseconds.
const STA_NANO = 0x2000;

/** The time `PRINT_WALL_CLOCK` printed into a container's log, in epoch milliseconds. */
export function printedWallClockMs(log: string): number {
  const field = (name: string) => {
    const value = new RegExp(`${name}:\\s+(\\d+)`).exec(log)?.[1];
    if (value === undefined) throw new Error(`no ${name} in the container's log: ${log}`);
    return Number(value);
  };
  return field("time\\.tv_sec") * 1000 + field("time\\.tv_usec") / (field("status") & STA_NANO ? 1e6 : 1e3);
}
