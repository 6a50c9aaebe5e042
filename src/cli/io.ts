/**
 * Injectable output for the CLI so commands are testable without a process (STYLE.md: commander's
 * injectable output). Commands print through this, never through console.* directly.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal (colour, prompts). */
  isTty: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Raw output without a newline (a redrawn progress line on a terminal); absent in tests. */
  write?(text: string): void;
  /** Width of the terminal, when stdout is one. */
  columns?(): number | undefined;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  isTty: Boolean(process.stdout.isTTY),
  env: process.env,
  cwd: process.cwd(),
  write: (text) => void process.stdout.write(text),
  columns: () => process.stdout.columns,
};
