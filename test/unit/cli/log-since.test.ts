import { describe, expect, it } from "vitest";
import { sinceSeconds } from "../../../cli/log-since";

const NOW = Date.parse("2024-05-01T12:00:00Z");

describe("sinceSeconds", () => {
  it.each([
    ["10m", NOW / 1000 - 600],
    ["1h", NOW / 1000 - 3600],
    ["1h30m", NOW / 1000 - 5400],
    ["45s", NOW / 1000 - 45],
    ["1.5s", NOW / 1000 - 1.5],
    ["500ms", NOW / 1000 - 0.5],
    ["2024-05-01T11:00:00Z", NOW / 1000 - 3600],
    ["2024-05-01T13:00:00+02:00", NOW / 1000 - 3600],
    ["2024-05-01T11:00:00.250Z", NOW / 1000 - 3599.75],
    ["2024-05-01", NOW / 1000 - 12 * 3600],
    ["1714561200", 1714561200],
    ["1714561200.5", 1714561200.5],
  ])("reads %j", (value, seconds) => expect(sinceSeconds(value, NOW)).toBeCloseTo(seconds, 6));

  it.each([["yesterday"], ["10x"], ["-1h"], ["2024-13-45"], [""]])("refuses %j, saying what it takes", (value) => {
    expect(() => sinceSeconds(value, NOW)).toThrow(`\`--since\` must be a duration before now (\`10m\`, \`1h30m\`), an RFC 3339 time (\`2024-05-01T12:00:00Z\`) or a Unix timestamp; got ${JSON.stringify(value)}`);
  });
});
