/**
 * CLI entry: commander wiring. Commands live one per file under commands/; each registers itself
 * and sets its exit code with `setExitCode` (./exit.ts, the one exit funnel, which also turns every
 * error into its exit code). Commands never import this file (lint: no cycle main ↔ commands).
 */
import { Command } from 'commander';
import { registerCommands } from './commands/index.js';
import { exitCodeOf, exitFor } from './exit.js';
import { processIo, type CliIo } from './io.js';
import { toolVersion } from './version.js';

// Kept for callers of the earlier API (tests, scripts); commands import ./exit.js and ./version.js.
export { exitFor, setExitCode } from './exit.js';
export { toolVersion } from './version.js';

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
  // `list … | head`, `sim csms --verbose | head`: once the reader has gone, EPIPE on stdout must
  // not crash the command (an unhandled 'error' event, issue #12) or cost a run its report; the
  // output is simply not wanted any more.
  if (io === processIo) for (const stream of [process.stdout, process.stderr]) ignoreEpipe(stream);
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return exitCodeOf(program);
  } catch (err) {
    return exitFor(err, io);
  }
}

const epipeIgnored = new WeakSet<NodeJS.WritableStream>();
function ignoreEpipe(stream: NodeJS.WritableStream): void {
  if (epipeIgnored.has(stream)) return;
  epipeIgnored.add(stream);
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}
