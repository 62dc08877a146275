/** ANSI styling that is a no-op when colour is off, so callers never branch on it. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  magenta(text: string): string;
  blue(text: string): string;
}

const CODES: Record<keyof Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
};

export function style(color: boolean): Style {
  const entries = Object.entries(CODES).map(([name, [on, off]]) => [
    name,
    color ? (text: string) => `\u001b[${on}m${text}\u001b[${off}m` : (text: string) => text,
  ]);
  return Object.fromEntries(entries) as Style;
}

/** Colours that tell several log sources apart, in the order they are handed out. */
export const SOURCE_COLORS = ["cyan", "yellow", "green", "magenta", "blue"] as const satisfies ReadonlyArray<keyof Style>;
