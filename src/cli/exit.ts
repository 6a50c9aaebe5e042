/**
 * The one exit funnel (STYLE.md, after commander's `lib/error.js`): commands put their result code
 * on the program, and every error ends in `exitFor`: HarnessError → its exit code and hint;
 * anything else → exit 3 (the harness failed). Its own module so that commands and `main.ts` both
 * import it and never each other.
 */
import { CommanderError, type Command } from 'commander';
import { ExitCode, isHarnessError } from '../errors.js';
import type { CliIo } from './io.js';

/** Commands put their result code on the program (commander has no return channel). */
export function setExitCode(program: Command, code: number): void {
  let root: Command = program;
  while (root.parent) root = root.parent;
  (root as Command & { ocppExitCode?: number }).ocppExitCode = code;
}

export function exitCodeOf(program: Command): number {
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
