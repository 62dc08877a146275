import type { z } from "zod";

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
}

const def = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object schemas a value at this level may be, through wrappers, pipes and unions. */
function objectsOf(schema: z.ZodType): Array<Record<string, z.ZodType>> {
  const d = def(schema);
  if (d.type === "object") return [d.shape ?? {}];
  if (d.type === "pipe") return objectsOf(d.in as z.ZodType);
  if (d.type === "union") return (d.options ?? []).flatMap(objectsOf);
  if (d.innerType) return objectsOf(d.innerType);
  return [];
}

function elementsOf(schema: z.ZodType): z.ZodType[] {
  const d = def(schema);
  if (d.type === "array") return [d.element as z.ZodType];
  if (d.type === "pipe") return elementsOf(d.in as z.ZodType);
  if (d.type === "union") return (d.options ?? []).flatMap(elementsOf);
  if (d.innerType) return elementsOf(d.innerType);
  return [];
}

/** The property names a schema accepts at a path of its input (array indices included), for suggesting a misspelt one. */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let level = [schema];
  for (const step of path) {
    level = typeof step === "number" ? level.flatMap(elementsOf) : level.flatMap(objectsOf).flatMap((shape) => (shape[String(step)] ? [shape[String(step)]] : []));
  }
  return [...new Set(level.flatMap(objectsOf).flatMap((shape) => Object.keys(shape)))];
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The known key a misspelt one most likely means: same but for case, `_` or `-` (compose's `shm_size`), or at most two edits away. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const norm = (k: string) => k.toLowerCase().replace(/[_-]/g, "");
  const same = known.find((k) => norm(k) === norm(key));
  if (same) return same;
  if (norm(key).length < 4) return undefined;
  const ranked = known.map((k) => ({ k, d: editDistance(norm(key), norm(k)) })).filter(({ d }) => d <= 2).sort((a, b) => a.d - b.d);
  return ranked[0]?.k;
}
