/**
 * Time, injected. Timing verdicts are measured on a monotonic clock (never the wall clock,
 * which can jump); wall time is recorded alongside for people reading a trace.
 */
import { performance } from 'node:perf_hooks';
import { HarnessError } from './errors.js';

export interface Clock {
  /** Monotonic milliseconds with sub-millisecond resolution; only differences mean anything. */
  monoMs(): number;
  /** Wall-clock milliseconds since the epoch. */
  wallMs(): number;
  /** Resolve after `ms`, or reject with E_ABORTED when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  monoMs: () => performance.now(),
  wallMs: () => Date.now(),
  sleep: (ms, signal) => sleepMs(ms, signal),
};

export function sleepMs(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new HarnessError('E_ABORTED', 'operation aborted');
}

/** ISO 8601 / RFC 3339 wall time in UTC with milliseconds, as written in traces. */
export function isoWall(wallMs: number): string {
  return new Date(wallMs).toISOString();
}
