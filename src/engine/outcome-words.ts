/**
 * Words for what became of one of our CALLs and for a duration, for verdict messages written by
 * states, restores and cases (issue #11: "SetVariables got no result" when the wire showed
 * CALLERROR NotSupported; "6010.8073060000315 ms"). Exported to test cases by authoring.ts.
 */
import type { CallOutcome } from '../session/endpoint.js';

/** 950 → "950 ms", 6010.807 → "6.01 s", 6000 → "6 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (Math.abs(ms) >= 1000) {
    const s = ms / 1000;
    return `${Number(s.toFixed(2))} s`;
  }
  return `${Math.round(ms)} ms`;
}

/** `SetVariables got CALLERROR NotSupported "…"`, `… got no response within 30 s`, … */
export function outcomeWords(outcome: CallOutcome): string {
  switch (outcome.status) {
    case 'result':
      return `${outcome.action} got a CALLRESULT`;
    case 'error':
      return `${outcome.action} got CALLERROR ${outcome.errorCode}${outcome.errorDescription ? ` "${outcome.errorDescription}"` : ''}`;
    case 'timeout':
      return `${outcome.action} got no response within ${formatDuration(outcome.waitedMs)}`;
    case 'closed':
      return `${outcome.action} got no response: the connection closed`;
  }
}
