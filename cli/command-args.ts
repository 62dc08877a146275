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

/**
 * Node's parser reports with its own wording (`Unknown option '--x'. To specify
 * a positional argument …`); berth says it in one line, in its own terms,
 * naming the option as the user wrote it.
 */
export function usageMessage(command: string, err: { code?: string; message: string }): string {
  const option = /--[\w-]+/.exec(err.message)?.[0] ?? /'(-\w)/.exec(err.message)?.[1] ?? "";
  switch (err.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `\`berth ${command}\` has no option \`${option}\``;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /does not take an argument/.test(err.message)
        ? `\`${option}\` takes no value`
        : `\`${option}\` needs a value (\`${option} VALUE\`, or \`${option}=VALUE\` for one that starts with \`-\`)`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `\`berth ${command}\` takes no arguments, got ${JSON.stringify(/argument '(.*)'\. This command/.exec(err.message)?.[1] ?? "")}`;
    default:
      return `\`berth ${command}\`: ${err.message}`;
  }
}

/** Node's own parser, strict: an unknown or malformed option, or an argument the command takes none of, is a usage error. */
export function parseCommandArgs<const O extends Options>(command: string, args: string[], options: O, allowPositionals = true): Parsed<O> {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true }) as Parsed<O>;
  } catch (err) {
    throw new UsageError(usageMessage(command, err as { code?: string; message: string }));
  }
}
