/**
 * Stacking and combining (1.6 §3.13.2-3.13.4; 2.0.1 Part 2 K01, K08): within one purpose the
 * profile with the highest stackLevel among those imposing a period at that instant prevails (when
 * its schedule ends or it is not valid, the next lower one takes over); a TxProfile overrides the
 * TxDefaultProfile for as long as it is valid, also after its own schedule ended (Part 6
 * TC_K_41_CS: once the TxProfile's 260 s run out, the max profile's limit follows, not the
 * TxDefaultProfile's); ChargingStationMaxProfile and ChargingStationExternalConstraints cap the result.
 * The composite is the minimum of those limits in one unit. The phases in use are the fewest any
 * imposed period allows (absent = 3); A <-> W converts with the declared voltage and those phases.
 */
import { activePeriod, breakpoints, isValidAt, type ActivePeriod } from './evaluate.js';
import { DEFAULT_PHASES, type CompositePeriod, type CompositeSchedule, type EvaluationContext, type Profile, type ProfilePurpose, type RateUnit } from './types.js';

export function convertLimit(limit: number, from: RateUnit, to: RateUnit, phases: number, voltageV: number): number {
  if (from === to) return limit;
  return from === 'A' ? limit * voltageV * phases : limit / (voltageV * phases);
}

/** The prevailing period of one purpose at t: highest stackLevel, an EVSE-specific profile winning a tie. */
export function prevailing(profiles: readonly Profile[], purpose: ProfilePurpose, t: number, ctx: EvaluationContext): ActivePeriod | undefined {
  let best: ActivePeriod | undefined;
  for (const p of profiles) {
    if (p.purpose !== purpose) continue;
    const a = activePeriod(p, t, ctx);
    if (!a) continue;
    if (!best || p.stackLevel > best.profile.stackLevel || (p.stackLevel === best.profile.stackLevel && (p.evseId ?? 0) > (best.profile.evseId ?? 0))) best = a;
  }
  return best;
}

/** The Tx-level period at t: the TxProfiles' while one is valid, else the TxDefaultProfiles'. */
export function txLevel(profiles: readonly Profile[], t: number, ctx: EvaluationContext): ActivePeriod | undefined {
  const shadowed = profiles.some((p) => p.purpose === 'TxProfile' && isValidAt(p, t));
  return shadowed ? prevailing(profiles, 'TxProfile', t, ctx) : prevailing(profiles, 'TxDefaultProfile', t, ctx);
}

/** The periods that bound the rate at t, Tx-level first. */
export function contributors(profiles: readonly Profile[], t: number, ctx: EvaluationContext): ActivePeriod[] {
  const tx = txLevel(profiles, t, ctx);
  const caps = [prevailing(profiles, 'ChargingStationMaxProfile', t, ctx), prevailing(profiles, 'ChargingStationExternalConstraints', t, ctx)];
  return [tx, ...caps].filter((a): a is ActivePeriod => a !== undefined);
}

export interface Limit {
  readonly limit: number | null;
  readonly numberPhases: number;
  readonly phaseToUse?: number;
}

/** The combined limit at instant t in `unit`. */
export function limitAt(profiles: readonly Profile[], t: number, unit: RateUnit, ctx: EvaluationContext): Limit {
  const active = contributors(profiles, t, ctx);
  if (active.length === 0) return { limit: null, numberPhases: DEFAULT_PHASES };
  const phases = Math.min(...active.map((a) => a.period.numberPhases ?? DEFAULT_PHASES));
  const limit = Math.min(...active.map((a) => convertLimit(a.period.limit, a.profile.schedule.chargingRateUnit, unit, phases, ctx.voltageV)));
  const phaseToUse = phases === 1 ? active.find((a) => a.period.phaseToUse !== undefined)?.period.phaseToUse : undefined;
  return phaseToUse === undefined ? { limit, numberPhases: phases } : { limit, numberPhases: phases, phaseToUse };
}

const sameLimit = (a: Limit, b: Limit): boolean => a.limit === b.limit && a.numberPhases === b.numberPhases && a.phaseToUse === b.phaseToUse;

/**
 * The composite schedule from ctx.nowS for durationS seconds, period by period (adjacent equal
 * periods merged). `profiles` are the ones that apply to the EVSE asked about (the caller picks:
 * station-wide ones plus that EVSE's, TxProfiles of its ongoing transaction only).
 */
export function compositeSchedule(profiles: readonly Profile[], durationS: number, unit: RateUnit, ctx: EvaluationContext): CompositeSchedule {
  const from = ctx.nowS;
  const to = from + durationS;
  const cuts = new Set<number>([from]);
  for (const p of profiles) for (const t of breakpoints(p, from, to, ctx)) cuts.add(t);
  const periods: CompositePeriod[] = [];
  let last: Limit | undefined;
  for (const t of [...cuts].sort((a, b) => a - b)) {
    const here = limitAt(profiles, t, unit, ctx);
    if (last && sameLimit(last, here)) continue;
    periods.push({ startPeriod: t - from, ...here });
    last = here;
  }
  const minRate = minChargingRateAt(profiles, from, unit, ctx);
  return { scheduleStart: from, duration: durationS, chargingRateUnit: unit, chargingSchedulePeriod: periods, ...(minRate === undefined ? {} : { minChargingRate: minRate }) };
}

function minChargingRateAt(profiles: readonly Profile[], t: number, unit: RateUnit, ctx: EvaluationContext): number | undefined {
  const tx = txLevel(profiles, t, ctx);
  const rate = tx?.profile.schedule.minChargingRate;
  if (!tx || rate === undefined) return undefined;
  return convertLimit(rate, tx.profile.schedule.chargingRateUnit, unit, tx.period.numberPhases ?? DEFAULT_PHASES, ctx.voltageV);
}

/** The same schedule with every unlimited stretch given `noLimit` (e.g. the station's physical maximum). */
export function fillUnlimited(c: CompositeSchedule, noLimit: number): CompositeSchedule {
  const periods: CompositePeriod[] = [];
  for (const p of c.chargingSchedulePeriod) {
    const filled = { ...p, limit: p.limit ?? noLimit };
    const prev = periods[periods.length - 1];
    if (prev && prev.limit === filled.limit && prev.numberPhases === filled.numberPhases && prev.phaseToUse === filled.phaseToUse) continue;
    periods.push(filled);
  }
  return { ...c, chargingSchedulePeriod: periods };
}
