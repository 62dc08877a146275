import { parseArgs, type ParseArgsConfig } from "util";
import { UsageError } from "./usage-error";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Options every command shares. */
export const COMMON_OPTIONS = {
  host: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

/** Options that narrow a command to one project or stack, by berth's labels. */
export const OWNER_OPTIONS = {
  project: { type: "string" },
  stack: { type: "string" },
} as const satisfies Options;

type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/** Node's own parser, strict: an unknown or malformed option is a usage error naming the command. */
export function parseCommandArgs<const O extends Options>(command: string, args: string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`\`berth ${command}\`: ${(err as Error).message}`);
  }
}
