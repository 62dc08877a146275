/** Where a command writes: lines to stdout and stderr, and whether they may carry colour. */
export interface Terminal {
  out(line: string): void;
  err(line: string): void;
  readonly color: boolean;
  readonly env: NodeJS.ProcessEnv;
}

interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Colour only for a person at a terminal: stdout is a TTY and NO_COLOR (https://no-color.org) is unset or empty. */
export function wantsColor(stdout: OutputStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stdout.isTTY) && !env.NO_COLOR;
}

export function streamTerminal(stdout: OutputStream, stderr: OutputStream, env: NodeJS.ProcessEnv): Terminal {
  return {
    out: (line) => stdout.write(`${line}\n`),
    err: (line) => stderr.write(`${line}\n`),
    color: wantsColor(stdout, env),
    env,
  };
}
