/**
 * Timing expectations over the journal: periodic CALLs (heartbeats, meter values) and a minimum
 * gap before a CALL (retry back-off), measured on wire timestamps against the tolerance.
 */
import type { ObservedCall, PayloadMatch, TimingCheck, TimingPoint } from './context-types.js';
import { observed, framesOf, type Expectations, type ExpectHost } from './expect.js';
import { fmtMs } from './format-ms.js';
import { VerdictSignal } from './verdict.js';

/** The measured interval's ends as frames (issue #24: a trace alone can recompute the verdict). */
function between(from: { frameSeq?: number } | undefined, to: { frameSeq?: number } | undefined): Pick<TimingCheck, 'between'> {
  if (from?.frameSeq === undefined) return {};
  const point = (seq: number): TimingPoint => ({ frame: seq });
  return { between: { from: point(from.frameSeq), ...(to?.frameSeq === undefined ? {} : { to: point(to.frameSeq) }) } };
}

export async function expectPeriodic(
  host: ExpectHost,
  ex: Expectations,
  action: string,
  options: { periodMs: number; count: number; toleranceMs?: number; after?: ObservedCall; step?: number },
): Promise<ObservedCall[]> {
  const tolerance = options.toleranceMs ?? host.config.toleranceMs;
  const step = options.step === undefined ? {} : { step: options.step };
  let previous = options.after ?? (await ex.expectCall(action, { withinMs: options.periodMs + tolerance, ...step }));
  const found: ObservedCall[] = [];
  for (let i = 1; i <= options.count; i++) {
    const { found: next } = await ex.waitCall(action, { from: previous.index + 1, withinMs: Math.max(0, previous.monoMs + options.periodMs + tolerance - host.clock.monoMs()) });
    const timing: TimingCheck = next
      ? { what: `interval ${i} between ${action}s`, measuredMs: next.monoMs - previous.monoMs, minMs: options.periodMs - tolerance, maxMs: options.periodMs + tolerance, toleranceMs: tolerance, ok: Math.abs(next.monoMs - previous.monoMs - options.periodMs) <= tolerance, ...between(previous, next) }
      : { what: `interval ${i} between ${action}s`, measuredMs: host.clock.monoMs() - previous.monoMs, maxMs: options.periodMs + tolerance, toleranceMs: tolerance, ok: false, ...between(previous, undefined) };
    host.record({
      description: `${action} every ${fmtMs(options.periodMs)} (${i}/${options.count})`,
      expected: `next ${action} ${fmtMs(options.periodMs)} ± ${fmtMs(tolerance)} after the previous one`,
      actual: next ? `after ${fmtMs(timing.measuredMs)}` : `none within ${fmtMs(options.periodMs + tolerance)}`,
      ok: timing.ok,
      severity: 'error',
      timing,
      frames: framesOf(previous, next),
      ...step,
    });
    if (!next) break;
    previous = observed(next);
    found.push(previous);
    host.setCursor(Math.max(host.cursor(), next.index + 1));
  }
  return found;
}

export async function expectGap(
  host: ExpectHost,
  ex: Expectations,
  action: string,
  options: { after: { monoMs: number; frameSeq?: number }; minMs: number; withinMs: number; match?: PayloadMatch; anyOrder?: string; step?: number },
): Promise<ObservedCall> {
  const tolerance = host.config.toleranceMs;
  const step = options.step === undefined ? {} : { step: options.step };
  const w = await ex.waitCall(action, {
    ...(options.match ? { match: options.match } : {}),
    ...(options.anyOrder ? { anyOrder: options.anyOrder } : {}),
    withinMs: Math.max(0, options.after.monoMs + options.withinMs - host.clock.monoMs()),
  });
  // Strict order: a non-matching one of the action in between is what came next, not the retry.
  const next = w.wrong ?? w.found;
  const measured = next ? next.monoMs - options.after.monoMs : host.clock.monoMs() - options.after.monoMs;
  const ok = w.found !== undefined && w.wrong === undefined && measured >= options.minMs - tolerance;
  host.record({
    description: `${action} not before ${fmtMs(options.minMs)}`,
    expected: `${action} no sooner than ${fmtMs(options.minMs)} (− ${fmtMs(tolerance)} tolerance) and within ${fmtMs(options.withinMs)}`,
    actual: w.wrong ? `a non-matching ${action} came first after ${fmtMs(measured)}` : next ? `after ${fmtMs(measured)}` : `none within ${fmtMs(options.withinMs)}`,
    ok,
    severity: 'error',
    timing: { what: `gap before ${action}`, measuredMs: measured, minMs: options.minMs - tolerance, maxMs: options.withinMs, toleranceMs: tolerance, ok, ...between(options.after, next) },
    frames: framesOf(options.after, next),
    ...step,
  });
  if (!w.found || w.wrong) throw new VerdictSignal('fail', 'unreachable');
  host.setCursor(Math.max(host.cursor(), w.found.index + 1));
  return observed(w.found);
}
