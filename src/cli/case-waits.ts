/**
 * Preflight: a case timeout shorter than the waits a case must allow ends the case with an
 * unexplained "did not finish within its timeout" (issue #11). From what the metadata says
 * (reusable states, heartbeat cases) and the configured waits, each case gets a lower bound; the
 * preflight warns, per case timeout, when the bound exceeds it, naming the waits.
 */
import type { ConfiguredValues } from '../engine/configured-values.js';
import type { TestCase } from '../engine/define.js';
import { formatDuration } from '../engine/outcome-words.js';

/** The waits a case needs at least, in words and milliseconds. */
export function requiredWaits(tc: TestCase, config: ConfiguredValues): { ms: number; parts: string[] } {
  const parts: string[] = [];
  let ms = 0;
  const add = (what: string, value: number): void => {
    parts.push(`${what} ${formatDuration(value)}`);
    ms += value;
  };
  // Every case may first wait for the DUT to (re)connect.
  add('connect', config.connectTimeoutMs);
  if ((tc.states ?? []).includes('Booted')) add('a reboot and its BootNotification', config.messageTimeoutMs + (tc.sut === 'csms' ? config.rebootDelayMs : 0));
  if (/heartbeat/i.test(tc.title)) add('two heartbeat intervals', 2 * config.heartbeatIntervalS * 1000 + config.toleranceMs);
  add('one message', config.messageTimeoutMs);
  return { ms, parts };
}

/** One warning line per case whose waits exceed its timeout. */
export function caseWaitWarnings(cases: readonly TestCase[], config: ConfiguredValues): string[] {
  const out: string[] = [];
  for (const tc of cases) {
    const timeoutMs = tc.timeoutMs ?? config.caseTimeoutMs;
    const need = requiredWaits(tc, config);
    if (need.ms > timeoutMs) {
      out.push(`warning: ${tc.id} may need ${formatDuration(need.ms)} (${need.parts.join(' + ')}) but its timeout is ${formatDuration(timeoutMs)}: raise --case-timeout (or caseTimeoutMs), or lower the waits in the config`);
    }
  }
  return out;
}
