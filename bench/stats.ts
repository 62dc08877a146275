/** Small statistics for side-by-side runs: medians, percentiles, ratios of paired runs. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const median = (values: number[]) => percentile(values, 50);

export interface Paired {
  a: number[];
  b: number[];
  /** a[i] / b[i], run by run: robust to the machine's speed drifting between pairs. */
  ratios: number[];
}

/** Runs A and B in turn, A B A B …, after one warm-up of each. */
export async function pairs(runs: number, a: () => Promise<number>, b: () => Promise<number>): Promise<Paired> {
  await a();
  await b();
  const result: Paired = { a: [], b: [], ratios: [] };
  for (let i = 0; i < runs; i++) {
    const ta = await a();
    const tb = await b();
    result.a.push(ta);
    result.b.push(tb);
    result.ratios.push(ta / tb);
  }
  return result;
}

export function row(id: string, what: string, p: Paired, target: number, unit = "ms"): string {
  const ratio = median(p.ratios);
  const verdict = ratio <= target ? "met" : "missed";
  return `| ${id} | ${what} | ${median(p.a).toFixed(0)} ${unit} | ${median(p.b).toFixed(0)} ${unit} | ${ratio.toFixed(2)}× (${Math.min(...p.ratios).toFixed(2)}–${Math.max(...p.ratios).toFixed(2)}) | ≤ ${target}× ${verdict} |`;
}

export async function timed(step: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await step();
  return performance.now() - started;
}
