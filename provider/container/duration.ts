import { z } from "zod";

const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 0.000001 };
const DURATION = /^(\d+(?:\.\d+)?(?:h|ms|m|s|us))+$/;
const PART = /(\d+(?:\.\d+)?)(h|ms|m|s|us)/g;

/** Seconds in a compose-style duration (`90s`, `1m30s`, `500ms`), or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  if (!DURATION.test(text)) return undefined;
  let seconds = 0;
  for (const [, amount, unit] of text.matchAll(PART)) seconds += Number(amount) * UNIT_SECONDS[unit];
  return seconds;
}

/** A duration as seconds (`30`) or as compose writes it (`30s`, `1m30s`, `500ms`); stored as seconds. */
export function durationSeconds(min: number) {
  const message = `must be a duration of at least ${min} s: seconds as a number (e.g. 10) or a string like \`10s\`, \`1m30s\`, \`500ms\``;
  return z
    .union([z.number(), z.string()], { error: message })
    .transform((value, ctx) => {
      const seconds = typeof value === "number" ? value : parseDuration(value);
      if (seconds === undefined || seconds < min) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return seconds;
    });
}
