/**
 * `--log-level` and `--log-file` for the commands that run cases (`run`, `demo`): the harness's
 * diagnostic log (src/log.ts), separate from the console output and the reports. The default
 * level is `silent`, so the console shows exactly what it showed without a log; `--log-file`
 * alone logs at `info`.
 */
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { logLevels, openLog, type Logger } from '../log.js';

export interface LogFlags {
  logLevel?: string;
  logFile?: string;
}

export function addLogOptions(command: Command): Command {
  return command
    .addOption(new Option('--log-level <level>', 'diagnostic log level (JSON lines; default silent)').choices([...logLevels]))
    .option('--log-file <path>', 'write the diagnostic log to this file instead of stderr (default level: info)');
}

/** The logger the flags ask for, relative paths from `cwd`. Call `close` when the command ends. */
export function openLogFor(flags: LogFlags, cwd: string): { logger: Logger; close: () => void } {
  return openLog({
    ...(flags.logLevel ? { level: flags.logLevel } : {}),
    ...(flags.logFile ? { file: path.resolve(cwd, flags.logFile) } : {}),
  });
}
