/**
 * CLI entry: commander wiring and the one exit funnel. Commands live one per file under
 * commands/; each registers itself and returns an exit code through `runAction`. Every error ends
 * here: HarnessError → its exit code and hint; anything else → exit 3 (the harness failed).
 */
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { ExitCode, isHarnessError } from '../errors.js';
import { processIo, type CliIo } from './io.js';
import { registerCommands } from './commands/index.js';

const require = createRequire(import.meta.url);
export const toolVersion = (require('../../../package.json') as { version: string }).version;

export function buildProgram(io: CliIo): Command {
  const program = new Command();
  program
    .name('ocpp-conform')
    .description('Open OCPP conformance harness: runs the official OCPP 1.6J / 2.0.1 / 2.1 test cases against a charging station or a CSMS.')
    .version(toolVersion, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  registerCommands(program, io);
  return program;
}

/** Run the CLI with `argv` (as process.argv: node, script, …args) and return the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return exitCodeOf(program);
  } catch (err) {
    return exitFor(err, io);
  }
}

/** Commands put their result code on the program (commander has no return channel). */
export function setExitCode(program: Command, code: number): void {
  let root: Command = program;
  while (root.parent) root = root.parent;
  (root as Command & { ocppExitCode?: number }).ocppExitCode = code;
}

function exitCodeOf(program: Command): number {
  return (program as Command & { ocppExitCode?: number }).ocppExitCode ?? ExitCode.ok;
}

export function exitFor(err: unknown, io: CliIo): number {
  if (err instanceof CommanderError) {
    // --help and --version "fail" with exit code 0; usage errors were already printed.
    if (err.exitCode === 0) return ExitCode.ok;
    return ExitCode.usage;
  }
  if (isHarnessError(err)) {
    io.err(`ocpp-conform: ${err.message}${err.hint ? `\n  fix: ${err.hint}` : ''}`);
    return err.exitCode;
  }
  io.err(`ocpp-conform: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return ExitCode.harness;
}
