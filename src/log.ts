/**
 * The harness's own diagnostic log (pino), never the report. Secrets are redacted by path so a
 * password or key that slips into a logged object never reaches the output.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export const redactedPaths = [
  'password',
  '*.password',
  '*.*.password',
  'basicAuthPassword',
  '*.basicAuthPassword',
  'authorizationKey',
  '*.authorizationKey',
  'key',
  '*.key',
  'privateKey',
  '*.privateKey',
  'headers.authorization',
  '*.headers.authorization',
];

/** The levels `--log-level` accepts; `silent` (the default) writes nothing. */
export const logLevels = ['trace', 'debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream | DestinationStream } = {}): Logger {
  const level = options.level ?? process.env['OCPP_CONFORM_LOG'] ?? 'silent';
  return pino(
    { level, redact: { paths: redactedPaths, censor: '[redacted]' }, base: undefined },
    options.destination ?? process.stderr,
  );
}

/**
 * The logger of one command: to `file` (created with its folder, written synchronously so the
 * file is complete when the command returns) or to stderr. `close` flushes and closes the file.
 */
export function openLog(options: { level?: string; file?: string }): { logger: Logger; close: () => void } {
  if (options.file === undefined) return { logger: createLogger({ ...(options.level ? { level: options.level } : {}) }), close: () => undefined };
  const destination = pino.destination({ dest: options.file, sync: true, mkdir: true });
  const logger = createLogger({ level: options.level ?? 'info', destination });
  return {
    logger,
    close: () => {
      destination.flushSync();
      destination.end();
    },
  };
}

export type { Logger };
