/**
 * The harness's own diagnostic log (pino), never the report. Secrets are redacted by path so a
 * password or key that slips into a logged object never reaches the output.
 */
import { pino, type Logger } from 'pino';

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

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const level = options.level ?? process.env['OCPP_CONFORM_LOG'] ?? 'silent';
  return pino(
    { level, redact: { paths: redactedPaths, censor: '[redacted]' }, base: undefined },
    options.destination ?? process.stderr,
  );
}

export type { Logger };
