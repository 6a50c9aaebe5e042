/**
 * Expectations over the journal: wait with a monotonic deadline for the DUT's CALLs, in strict
 * order by default, and record each outcome as a check (expected vs actual, the frames looked at).
 *
 * Strict order (issue #10): the official documents list the DUT's messages as numbered steps, so a
 * message of the expected action that does not match, arriving before the one that does, is a
 * deviation — a peer sending a wrong StatusNotification and then the right one must not pass.
 * `anyOrder` relaxes this for one expectation and must quote the clause that allows it
 * ("steps 5 and 7 may be reversed", "in any order").
 */
import type { Clock } from '../clock.js';
import type { ConfiguredValues } from './configured-values.js';
import type { CheckRecord, ExpectCallOptions, ExpectSpec, ObservedCall, PayloadMatch } from './context-types.js';
import type { Journal, JournalEntry } from './journal.js';
import { brief, describeMatch, matches } from './match.js';
import { VerdictSignal } from './verdict.js';
import { fmtMs } from './format-ms.js';

export type CallEntry = Extract<JournalEntry, { kind: 'callIn' | 'callOut' | 'sendIn' }> & { kind: 'callIn' };

/** What the expectations need from the case context. */
export interface ExpectHost {
  readonly journal: Journal;
  readonly clock: Clock;
  readonly signal: AbortSignal;
  readonly config: ConfiguredValues;
  readonly startIndex: number;
  cursor(): number;
  setCursor(index: number): void;
  record(check: CheckRecord): void;
  onWait?(wait: { what: string; sinceMono: number; untilMono?: number }): void;
}

/** How long a strict-order failure waits for the expected message to name its frame too. */
export const strictOrderGraceMs = 1000;

/** A relaxation must cite its clause: at least a quoted phrase or a step/section reference. */
export function checkOrderReason(reason: string | undefined): void {
  if (reason === undefined) return;
  if (reason.trim().length < 12 || !/["“'§]|step|\bmay\b|any order/i.test(reason)) {
    throw new Error(`anyOrder needs the official clause that allows it (quote it, e.g. 'Part 6 TC_B_01_CS: "in any order"'), got ${JSON.stringify(reason)}`);
  }
}

export function observed(e: CallEntry): ObservedCall {
  return { action: e.action, messageId: e.messageId, payload: e.payload, monoMs: e.monoMs, index: e.index, ...(e.frameSeq === undefined ? {} : { frameSeq: e.frameSeq }) };
}

export function framesOf(...entries: Array<{ frameSeq?: number } | undefined>): number[] {
  return entries.flatMap((e) => (e?.frameSeq === undefined ? [] : [e.frameSeq]));
}

const isCallIn = (e: JournalEntry): e is CallEntry => e.kind === 'callIn';

interface Wait {
  found?: CallEntry;
  /** Strict order: the same-action CALL that did not match and came first. */
  wrong?: CallEntry;
}

export class Expectations {
  constructor(private readonly host: ExpectHost) {}

  /** What the DUT sent since `from`, for the "actual" of a missed expectation. */
  sentSince(from: number, action?: string): { text: string; frames: number[] } {
    const calls = this.host.journal.entries(from).filter(isCallIn);
    const same = action ? calls.filter((c) => c.action === action) : [];
    const shown = (same.length > 0 ? same : calls).slice(-5);
    const frames = framesOf(...shown);
    if (calls.length === 0) return { text: 'no CALL from the DUT', frames };
    // Issue #24: "got nothing" names the nearest candidates by frame, so the reader can find them.
    const at = frames.length > 0 ? ` (frames ${frames.join(', ')})` : '';
    if (same.length > 0) return { text: `${same.length} ${action} not matching, last: ${brief(same.at(-1)?.payload)}${at}`, frames };
    return { text: `other CALLs only: ${[...new Set(calls.map((c) => c.action))].join(', ')}${at}`, frames };
  }

  throwIfAborted(): void {
    if (this.host.signal.aborted) throw new VerdictSignal('inconclusive', 'the run was interrupted');
  }

  /**
   * The first CALL of `action` from `from`. Strict: the first one not excluded and not `tolerated`
   * decides (a non-matching one is `wrong`); relaxed (`anyOrder`): the first matching one.
   */
  async waitCall(action: string, options: ExpectCallOptions, extra: { exclude?: Set<number>; tolerated?: (e: CallEntry) => boolean; strict?: boolean } = {}): Promise<Wait> {
    const { journal, clock } = this.host;
    checkOrderReason(options.anyOrder);
    const strict = (extra.strict ?? true) && options.anyOrder === undefined;
    const withinMs = options.withinMs ?? this.host.config.messageTimeoutMs;
    const now = clock.monoMs();
    this.host.onWait?.({ what: options.describe ?? action, sinceMono: now, untilMono: now + withinMs });
    const candidate = (e: JournalEntry): e is CallEntry =>
      isCallIn(e) && e.action === action && !extra.exclude?.has(e.index) && (matches(e.payload, options.match) || (strict && !(extra.tolerated?.(e) ?? false)));
    const hit = (await journal.waitFor(candidate, { from: options.from ?? this.host.cursor(), deadlineMono: now + withinMs, signal: this.host.signal })) as CallEntry | undefined;
    this.throwIfAborted();
    if (!hit || matches(hit.payload, options.match)) return hit ? { found: hit } : {};
    // Name the expected frame too when it follows shortly (a swap of two messages).
    const grace = Math.min(strictOrderGraceMs, Math.max(0, now + withinMs - clock.monoMs()));
    const later = (await journal.waitFor((e) => isCallIn(e) && e.action === action && matches(e.payload, options.match), {
      from: hit.index + 1,
      deadlineMono: clock.monoMs() + grace,
      signal: this.host.signal,
    })) as CallEntry | undefined;
    this.throwIfAborted();
    return { wrong: hit, ...(later ? { found: later } : {}) };
  }

  private orderFailure(description: string, expected: string, w: Wait, step: ExpectCallOptions['step']): never {
    const wrong = w.wrong as CallEntry;
    const expectedAt = w.found ? `; the expected one followed as frame ${w.found.frameSeq ?? '?'}` : '';
    this.host.record({
      description,
      expected: `${expected}, with no other ${wrong.action} before it (strict order)`,
      actual: `frame ${wrong.frameSeq ?? '?'} ${wrong.action} ${brief(wrong.payload)} came first${expectedAt}`,
      ok: false,
      severity: 'error',
      frames: framesOf(wrong, w.found),
      ...(step === undefined ? {} : { step }),
    });
    throw new VerdictSignal('fail', 'unreachable');
  }

  async expectCall(action: string, options: ExpectCallOptions = {}): Promise<ObservedCall> {
    const from = options.from ?? this.host.cursor();
    const withinMs = options.withinMs ?? this.host.config.messageTimeoutMs;
    const w = await this.waitCall(action, options);
    const expected = `${action} with ${describeMatch(options.match, options.describe)} within ${fmtMs(options.windowMs ?? withinMs)}`;
    const step = options.step === undefined ? {} : { step: options.step };
    if (w.wrong) this.orderFailure(`Receive ${action}`, expected, w, options.step);
    const found = w.found;
    if (!found) {
      const seen = this.sentSince(from, action);
      this.host.record({ description: `Receive ${action}`, expected, actual: seen.text, ok: false, severity: 'error', frames: seen.frames, ...step });
      throw new VerdictSignal('fail', 'unreachable');
    }
    this.host.setCursor(Math.max(this.host.cursor(), found.index + 1));
    this.host.record({ description: `Receive ${action}`, expected, actual: brief(found.payload), ok: true, severity: 'error', frames: framesOf(found), ...step });
    return observed(found);
  }

  /** Optional messages: a miss (or a different one of the action) is not a failure. */
  async maybeCall(action: string, options: ExpectCallOptions = {}): Promise<ObservedCall | undefined> {
    const { found } = await this.waitCall(action, options, { strict: false });
    if (!found) return undefined;
    this.host.setCursor(Math.max(this.host.cursor(), found.index + 1));
    this.host.record({ description: `Receive ${action} (optional)`, expected: `${action} (optional)`, actual: brief(found.payload), ok: true, severity: 'warning', frames: framesOf(found), ...(options.step === undefined ? {} : { step: options.step }) });
    return observed(found);
  }

  async expectNoCall(action: string | undefined, options: { forMs: number; match?: PayloadMatch; describe?: string; step?: number }): Promise<void> {
    const { journal, clock } = this.host;
    const from = journal.length;
    const quietFrom = clock.monoMs();
    this.host.onWait?.({ what: `no ${action ?? 'CALL'} (quiet period)`, sinceMono: quietFrom, untilMono: quietFrom + options.forMs });
    const hit = (e: JournalEntry): boolean => isCallIn(e) && (action === undefined || e.action === action) && matches(e.payload, options.match);
    const found = (await journal.waitFor(hit, { from, deadlineMono: quietFrom + options.forMs, signal: this.host.signal })) as CallEntry | undefined;
    this.throwIfAborted();
    const what = action ? `${action}${options.match ? ` with ${describeMatch(options.match, options.describe)}` : ''}` : 'CALL';
    this.host.record({
      description: `No ${what} for ${fmtMs(options.forMs)}`,
      expected: `no ${what} for ${fmtMs(options.forMs)}`,
      actual: found ? `${found.action} after ${fmtMs(found.monoMs - clock.monoMs() + options.forMs)}: ${brief(found.payload)}` : 'none received',
      ok: !found,
      severity: 'error',
      frames: framesOf(found),
      ...(options.step === undefined ? {} : { step: options.step }),
    });
  }

  /**
   * All of these CALLs in any order. Strict: a CALL of one of their actions that matches none of
   * the specs of that action, before they all came, fails.
   */
  async expectAll(specs: ExpectSpec[], options: { withinMs?: number; anyOrder?: string; step?: number } = {}): Promise<ObservedCall[]> {
    const from = this.host.cursor();
    const withinMs = options.withinMs ?? this.host.config.messageTimeoutMs;
    const deadline = this.host.clock.monoMs() + withinMs;
    const used = new Set<number>();
    const found: ObservedCall[] = [];
    const step = options.step === undefined ? {} : { step: options.step };
    for (const spec of specs) {
      const tolerated = (e: CallEntry): boolean => specs.some((s) => s !== spec && s.action === e.action && matches(e.payload, s.match));
      const w = await this.waitCall(spec.action, { match: spec.match, from, withinMs: Math.max(0, deadline - this.host.clock.monoMs()), ...(options.anyOrder ? { anyOrder: options.anyOrder } : {}) }, { exclude: used, tolerated });
      const expected = `${spec.action} with ${describeMatch(spec.match, spec.describe)} (any order) within ${fmtMs(withinMs)}`;
      if (w.wrong) this.orderFailure(`Receive ${spec.action}`, expected, w, options.step);
      const entry = w.found;
      if (!entry) {
        const seen = this.sentSince(from, spec.action);
        this.host.record({ description: `Receive ${spec.action}`, expected, actual: seen.text, ok: false, severity: 'error', frames: seen.frames, ...step });
        throw new VerdictSignal('fail', 'unreachable');
      }
      used.add(entry.index);
      found.push(observed(entry));
      this.host.record({ description: `Receive ${spec.action}`, expected, actual: brief(entry.payload), ok: true, severity: 'error', frames: framesOf(entry), ...step });
    }
    this.host.setCursor(Math.max(this.host.cursor(), ...found.map((f) => f.index + 1)));
    return found;
  }

  /** These CALLs in this order; other actions may be interleaved, a non-matching one of the awaited action may not (strict). */
  async expectSequence(specs: ExpectSpec[], options: { withinMs?: number; anyOrder?: string; step?: number } = {}): Promise<ObservedCall[]> {
    const withinMs = options.withinMs ?? this.host.config.messageTimeoutMs;
    const deadline = this.host.clock.monoMs() + withinMs;
    const found: ObservedCall[] = [];
    const step = options.step === undefined ? {} : { step: options.step };
    for (const spec of specs) {
      const from = this.host.cursor();
      const w = await this.waitCall(spec.action, { match: spec.match, from, withinMs: Math.max(0, deadline - this.host.clock.monoMs()), ...(options.anyOrder ? { anyOrder: options.anyOrder } : {}) });
      const expected = `${spec.action} with ${describeMatch(spec.match, spec.describe)}${found.length ? ` after ${found.at(-1)?.action}` : ''}`;
      if (w.wrong) this.orderFailure(`Receive ${spec.action} in order`, expected, w, options.step);
      const entry = w.found;
      if (!entry) {
        const earlier = found.length ? this.host.journal.entries(this.host.startIndex, from).some((e) => isCallIn(e) && e.action === spec.action && matches(e.payload, spec.match)) : false;
        const seen = this.sentSince(from, spec.action);
        this.host.record({ description: `Receive ${spec.action} in order`, expected, actual: earlier ? `${spec.action} came before ${found.at(-1)?.action}, not after` : seen.text, ok: false, severity: 'error', frames: seen.frames, ...step });
        throw new VerdictSignal('fail', 'unreachable');
      }
      this.host.setCursor(entry.index + 1);
      found.push(observed(entry));
      this.host.record({ description: `Receive ${spec.action} in order`, expected, actual: brief(entry.payload), ok: true, severity: 'error', frames: framesOf(entry), ...step });
    }
    return found;
  }
}
