#!/usr/bin/env node
import { gc, GC_USAGE } from "./commands/gc";
import { logs, LOGS_USAGE } from "./commands/logs";
import { ps, PS_USAGE } from "./commands/ps";
import { packageVersion } from "./package-version";
import { streamTerminal, type Terminal } from "./terminal";
import { UsageError } from "./usage-error";

const COMMANDS: Record<string, { run: (args: string[], terminal: Terminal) => Promise<number>; usage: string }> = {
  ps: { run: ps, usage: PS_USAGE },
  logs: { run: logs, usage: LOGS_USAGE },
  gc: { run: gc, usage: GC_USAGE },
};

export const USAGE = `Usage: berth <command> [options]
       berth help <command>
       berth --version

Commands:
  ps     list berth's containers, volumes and swarm services across hosts
  logs   show the logs of a stack's or resources' containers and swarm services across hosts
  gc     find and remove berth objects that no stack's state references

Run \`berth help <command>\` or \`berth <command> --help\` for a command's options.`;

/** `berth help [command]`: the command's usage, or the overview. */
function help(topic: string | undefined, terminal: Terminal): number {
  if (topic === undefined) {
    terminal.out(USAGE);
    return 0;
  }
  const command = COMMANDS[topic];
  if (!command) {
    terminal.err(`berth: unknown command ${JSON.stringify(topic)}\n\n${USAGE}`);
    return 2;
  }
  terminal.out(command.usage);
  return 0;
}

/** Runs one berth command; resolves to the process exit code (2 for a usage error). */
export async function main(argv: string[], terminal: Terminal): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    terminal.err(USAGE);
    return 2;
  }
  if (name === "--help" || name === "-h") return help(undefined, terminal);
  if (name === "help") return help(args[0], terminal);
  if (name === "--version" || name === "-V") {
    terminal.out(packageVersion());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    terminal.err(`berth: unknown command ${JSON.stringify(name)}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command.run(args, terminal);
  } catch (err) {
    if (err instanceof UsageError) {
      terminal.err(`berth: ${err.message}\n\n${command.usage}`);
      return 2;
    }
    terminal.err(`berth ${name}: ${(err as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), streamTerminal(process.stdout, process.stderr, process.env)).then((code) => {
    process.exitCode = code;
  });
}
