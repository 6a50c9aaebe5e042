/**
 * The checker for cases: a DUT's composite schedule against the engine's, on absolute time,
 * period by period. Both are step functions; the window is where both say something (from the
 * later scheduleStart to the earlier end). A difference within `timeToleranceS` of a boundary
 * counts as the DUT's clock or "now" being a little off, not as a wrong limit. A DUT answering
 * in the other unit is converted with the declared voltage and its periods' phases.
 */
import { convertLimit } from './composite.js';
import { DEFAULT_PHASES, type CompositeSchedule, type RateUnit } from './types.js';

export interface CompareOptions {
  /** Absolute tolerance on a limit, in the expected unit (default 0.1, the wire's resolution). */
  readonly limitTolerance?: number;
  /** Seconds a boundary may be off (default 2). */
  readonly timeToleranceS?: number;
  /** For W <-> A when the DUT chose the other unit (default 230). */
  readonly voltageV?: number;
  /** Where the engine says "no limit": the DUT may give this value or more; absent = anything. */
  readonly unlimited?: number;
  /** Also compare numberPhases (default false). */
  readonly comparePhases?: boolean;
}

export interface ComparedPeriod {
  /** Seconds from the expected scheduleStart. */
  readonly fromS: number;
  readonly toS: number;
  readonly expected: number | null;
  readonly actual: number | null;
  readonly ok: boolean;
}

export interface CompositeComparison {
  readonly ok: boolean;
  readonly issues: string[];
  readonly periods: ComparedPeriod[];
}

interface At {
  readonly limit: number | null;
  readonly numberPhases: number;
}

function valueAt(c: CompositeSchedule, t: number, unit: RateUnit, voltageV: number): At | undefined {
  if (t < c.scheduleStart || t >= c.scheduleStart + c.duration) return undefined;
  let found: CompositeSchedule['chargingSchedulePeriod'][number] | undefined;
  for (const p of c.chargingSchedulePeriod) if (c.scheduleStart + p.startPeriod <= t) found = p;
  if (!found) return { limit: null, numberPhases: DEFAULT_PHASES };
  const limit = found.limit === null ? null : convertLimit(found.limit, c.chargingRateUnit, unit, found.numberPhases, voltageV);
  return { limit, numberPhases: found.numberPhases };
}

const show = (n: number | null | undefined): string => (n === null || n === undefined ? 'no limit' : String(Math.round(n * 1000) / 1000));

export function compareComposite(expected: CompositeSchedule, actual: CompositeSchedule, opts: CompareOptions = {}): CompositeComparison {
  const tol = opts.limitTolerance ?? 0.1;
  const tolS = opts.timeToleranceS ?? 2;
  const voltageV = opts.voltageV ?? 230;
  const unit = expected.chargingRateUnit;
  const issues: string[] = [];
  if (actual.chargingRateUnit !== unit) issues.push(`note: DUT answered in ${actual.chargingRateUnit}, compared after conversion to ${unit} at ${voltageV} V`);
  if (Math.abs(actual.scheduleStart - expected.scheduleStart) > tolS) issues.push(`scheduleStart is ${show(actual.scheduleStart - expected.scheduleStart)} s off (allowed ${tolS} s)`);
  if (Number.isFinite(actual.duration) && Math.abs(actual.duration - expected.duration) > tolS) issues.push(`duration ${show(actual.duration)} s, expected ${show(expected.duration)} s`);
  const from = Math.max(expected.scheduleStart, actual.scheduleStart);
  const to = Math.min(expected.scheduleStart + expected.duration, actual.scheduleStart + actual.duration);
  const matches = (e: At | undefined, x: At | undefined): boolean => {
    if (!e || !x) return true;
    if (opts.comparePhases && e.limit !== null && e.numberPhases !== x.numberPhases) return false;
    if (e.limit === null) return opts.unlimited === undefined || (x.limit !== null && x.limit >= opts.unlimited - tol);
    return x.limit !== null && Math.abs(x.limit - e.limit) <= tol;
  };
  const cuts = new Set<number>([from, to]);
  for (const c of [expected, actual]) for (const p of c.chargingSchedulePeriod) {
    const t = c.scheduleStart + p.startPeriod;
    if (t > from && t < to) cuts.add(t);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const periods: ComparedPeriod[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i] as number;
    const b = sorted[i + 1] as number;
    const mid = (a + b) / 2;
    const e = valueAt(expected, mid, unit, voltageV);
    const x = valueAt(actual, mid, unit, voltageV);
    // A short stretch next to a boundary: the DUT's boundary may sit up to tolS away.
    const shifted = b - a <= 2 * tolS && (matches(e, valueAt(actual, mid - tolS, unit, voltageV)) || matches(e, valueAt(actual, mid + tolS, unit, voltageV)));
    const ok = matches(e, x) || shifted;
    periods.push({ fromS: a - expected.scheduleStart, toS: b - expected.scheduleStart, expected: e?.limit ?? null, actual: x?.limit ?? null, ok });
    if (!ok) issues.push(`from ${show(a - expected.scheduleStart)} s to ${show(b - expected.scheduleStart)} s: limit ${show(x?.limit)} ${unit}, expected ${show(e?.limit)} ${unit}${opts.comparePhases ? ` (phases ${String(x?.numberPhases)} vs ${String(e?.numberPhases)})` : ''}`);
  }
  const ok = issues.every((s) => s.startsWith('note:'));
  return { ok, issues, periods };
}
