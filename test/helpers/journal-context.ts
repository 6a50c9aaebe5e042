/**
 * A CaseContext over a journal the test writes by hand: entries carry exactly the monotonic
 * times a test needs, so timing verdicts can be checked at and just past their bounds without
 * sleeping. The clock is manual; only the journal's deadline timers run in real time.
 */
import type { Clock } from '../../src/clock.js';
import { CaseContext } from '../../src/engine/context.js';
import { defaultConfiguredValues, type ConfiguredValues } from '../../src/engine/configured-values.js';
import type { DutAdapter } from '../../src/engine/dut-adapter.js';
import { Journal } from '../../src/engine/journal.js';
import type { DutLink } from '../../src/engine/link.js';
import { Responders } from '../../src/engine/responders.js';
import { StateRegistry } from '../../src/engine/states.js';
import { isVerdictSignal } from '../../src/engine/verdict.js';
import type { JsonObject } from '../../src/protocol/frames.js';
import type { OcppEndpoint } from '../../src/session/endpoint.js';
import { manualClock, type ManualClock } from './scripted-connection.js';

export interface JournalContext {
  ctx: CaseContext;
  link: DutLink;
  journal: Journal;
  clock: ManualClock;
  abort: AbortController;
  /** Journal a CALL from the DUT at monotonic time `monoMs` (default: now). */
  callIn: (action: string, payload?: JsonObject, monoMs?: number) => number;
}

export interface JournalContextOptions {
  adapter?: DutAdapter;
  clock?: Clock;
  /** The open endpoint the link hands out (default: none, so `peer()` is inconclusive). */
  peer?: OcppEndpoint;
  /** Extra link members (reconnect, refuseConnections …) or replacements. */
  link?: Partial<DutLink>;
}

export function journalContext(overrides: Partial<ConfiguredValues> = {}, options: JournalContextOptions = {}): JournalContext {
  const clock = manualClock(10_000);
  const journal = new Journal(options.clock ?? clock);
  const link: DutLink = {
    journal,
    role: 'csms',
    responders: new Responders(),
    current: () => options.peer,
    ensureConnected: async () => options.peer,
    disconnect: async () => undefined,
    describeDut: () => ({}),
    close: async () => undefined,
    ...options.link,
  };
  const config: ConfiguredValues = { ...defaultConfiguredValues, messageTimeoutMs: 30, connectTimeoutMs: 30, toleranceMs: 100, caseTimeoutMs: 5000, ...overrides };
  const abort = new AbortController();
  const ctx = new CaseContext({
    id: 'TC_T_01_CS',
    version: '2.0.1',
    sut: 'cs',
    link,
    adapter: options.adapter ?? { kind: 'none', perform: async () => ({ done: true }) },
    config,
    pics: { items: {}, claimAll: true },
    clock: options.clock ?? clock,
    signal: abort.signal,
    states: new StateRegistry(),
  });
  let seq = 0;
  const callIn = (action: string, payload: JsonObject = {}, monoMs = clock.monoMs()): number => {
    seq += 1;
    return journal.add({ kind: 'callIn', connectionId: 'c1', monoMs, action, messageId: `m${seq}`, payload, frameSeq: seq }).index;
  };
  return { ctx, link, journal, clock, abort, callIn };
}

/** The verdict and message an expectation threw, or 'pass'. */
export async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'pass';
  } catch (err) {
    if (isVerdictSignal(err)) return `${err.verdict}: ${err.message}`;
    throw err;
  }
}
