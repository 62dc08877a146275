/**
 * Injects a fault while `running` is under way and times how long the
 * operation takes to fail after it: the measure of every fault test.
 */
export async function failureAfter(fault: string, inject: () => void, running: Promise<unknown>): Promise<{ error: unknown; surfacedMs: number }> {
  inject();
  const injectedAt = Date.now();
  const error = await running;
  const surfacedMs = Date.now() - injectedAt;
  console.log(`${fault}: the operation failed ${surfacedMs} ms after the fault`);
  return { error, surfacedMs };
}
