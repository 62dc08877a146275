const UNITS: Record<string, number> = {
  "": 1, b: 1,
  k: 1024, kb: 1024, ki: 1024, kib: 1024,
  m: 1024 ** 2, mb: 1024 ** 2, mi: 1024 ** 2, mib: 1024 ** 2,
  g: 1024 ** 3, gb: 1024 ** 3, gi: 1024 ** 3, gib: 1024 ** 3,
};

/** Bytes of a memory size written as Docker (`512m`, `2g`) or Kubernetes (`512Mi`) do, or a byte count. */
export function memoryBytes(size: string | number): number | undefined {
  if (typeof size === "number") return Number.isInteger(size) && size > 0 ? size : undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(size);
  const unit = match && UNITS[match[2].toLowerCase()];
  if (!match || !unit) return undefined;
  const bytes = Math.round(Number(match[1]) * unit);
  return bytes > 0 ? bytes : undefined;
}
