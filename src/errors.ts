/**
 * Every failure of the harness itself (not of the DUT) is a HarnessError with a stable `code`
 * and the process exit code it maps to. The one exit funnel (src/cli/main.ts) reads them.
 * DUT non-conformance is never an exception: it is a finding or a failed step.
 */

/** Process exit codes, one meaning each (documented in README.md). */
export const ExitCode = {
  /** Every applicable case passed. */
  ok: 0,
  /** At least one case failed (the DUT did something wrong). */
  failed: 1,
  /** Usage or configuration error: bad flag, bad config or PICS file. */
  usage: 2,
  /** The harness itself failed. */
  harness: 3,
  /** Interrupted (SIGINT): 128 + 2. */
  interrupted: 130,
  /** Terminated (SIGTERM: CI cancel, container stop): 128 + 15. */
  terminated: 143,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Stable error codes with their exit code. Add here, document in README.md. */
export const HarnessErrorCodes = {
  E_USAGE: ExitCode.usage,
  E_CONFIG: ExitCode.usage,
  E_PICS: ExitCode.usage,
  E_SCHEMA_DIR: ExitCode.usage,
  E_TESTCASE_METADATA: ExitCode.usage,
  E_TLS_OPTIONS: ExitCode.usage,
  E_DUT_ADAPTER: ExitCode.usage,
  /** The selection (with --last-failed: the previous report's failures) holds no case. */
  E_NO_CASES: ExitCode.usage,
  E_CERTS: ExitCode.harness,
  E_TRANSPORT: ExitCode.harness,
  /** A report file could not be written (disk full, folder removed during the run). */
  E_REPORT_WRITE: ExitCode.harness,
  E_NOT_CONNECTED: ExitCode.harness,
  E_CALL_TIMEOUT: ExitCode.harness,
  E_ABORTED: ExitCode.interrupted,
  E_INTERNAL: ExitCode.harness,
} as const;
export type HarnessErrorCode = keyof typeof HarnessErrorCodes;

export class HarnessError extends Error {
  readonly code: HarnessErrorCode;
  readonly exitCode: ExitCodeValue;
  /** A hint telling the user how to fix it, printed after the message. */
  readonly hint: string | undefined;

  constructor(code: HarnessErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HarnessError';
    this.code = code;
    this.exitCode = HarnessErrorCodes[code];
    this.hint = options.hint;
  }
}

export function isHarnessError(value: unknown): value is HarnessError {
  return value instanceof HarnessError;
}
