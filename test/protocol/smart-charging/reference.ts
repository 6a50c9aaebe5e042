/**
 * A second formulation of the composite schedule, written from the specification text and not
 * from the engine: sample every whole second of the window, ask each profile "what do you say
 * now?", sort each purpose's answers by stackLevel, let a TxProfile within its validFrom/validTo
 * shadow every TxDefaultProfile (Part 6 TC_K_41_CS), cap
 * with the station-wide purposes, take the minimum in the requested unit, then run-length encode.
 * Slow on purpose (per-second brute force); only the property tests use it.
 */
import type { CompositePeriod, EvaluationContext, Profile, RateUnit } from '../../../src/protocol/smart-charging/index.js';

interface Said {
  readonly level: number;
  readonly evse: number;
  readonly unit: RateUnit;
  readonly limit: number;
  readonly phases: number;
  readonly phaseToUse: number | undefined;
}

function says(p: Profile, t: number, ctx: EvaluationContext): Said | null {
  if (p.validFrom !== undefined && t < p.validFrom) return null;
  if (p.validTo !== undefined && !(t < p.validTo)) return null;
  let base: number;
  if (p.kind === 'Relative') base = ctx.txStartS === undefined ? ctx.nowS : ctx.txStartS;
  else if (p.kind === 'Absolute') base = p.schedule.startSchedule === undefined ? ctx.nowS : p.schedule.startSchedule;
  else {
    const anchor = p.schedule.startSchedule === undefined ? ctx.nowS : p.schedule.startSchedule;
    if (t < anchor) return null;
    const cycle = p.recurrencyKind === 'Weekly' ? 604800 : 86400;
    base = t - ((t - anchor) % cycle);
  }
  const into = t - base;
  if (into < 0) return null;
  if (p.schedule.duration !== undefined && into >= p.schedule.duration) return null;
  const latestFirst = [...p.schedule.chargingSchedulePeriod].sort((a, b) => b.startPeriod - a.startPeriod);
  const hit = latestFirst.find((q) => q.startPeriod <= into);
  if (!hit) return null;
  return { level: p.stackLevel, evse: p.evseId ?? 0, unit: p.schedule.chargingRateUnit, limit: hit.limit, phases: hit.numberPhases ?? 3, phaseToUse: hit.phaseToUse };
}

function top(profiles: readonly Profile[], purpose: Profile['purpose'], t: number, ctx: EvaluationContext): Said | null {
  const all = profiles.filter((p) => p.purpose === purpose).map((p) => says(p, t, ctx)).filter((s): s is Said => s !== null);
  all.sort((a, b) => b.level - a.level || b.evse - a.evse);
  return all[0] ?? null;
}

export function referenceComposite(profiles: readonly Profile[], durationS: number, unit: RateUnit, ctx: EvaluationContext): CompositePeriod[] {
  const out: CompositePeriod[] = [];
  for (let s = 0; s < durationS; s++) {
    const t = ctx.nowS + s;
    const txValid = profiles.filter((p) => p.purpose === 'TxProfile').some((p) => (p.validFrom ?? -Infinity) <= t && t < (p.validTo ?? Infinity));
    const txLevel = txValid ? top(profiles, 'TxProfile', t, ctx) : top(profiles, 'TxDefaultProfile', t, ctx);
    const bounds = [txLevel, top(profiles, 'ChargingStationMaxProfile', t, ctx), top(profiles, 'ChargingStationExternalConstraints', t, ctx)].filter((x): x is Said => x !== null);
    let here: CompositePeriod;
    if (bounds.length === 0) here = { startPeriod: s, limit: null, numberPhases: 3 };
    else {
      let n = 3;
      for (const b of bounds) if (b.phases < n) n = b.phases;
      let limit = Infinity;
      for (const b of bounds) {
        let v = b.limit;
        if (b.unit === 'A' && unit === 'W') v = b.limit * ctx.voltageV * n;
        if (b.unit === 'W' && unit === 'A') v = b.limit / (ctx.voltageV * n);
        if (v < limit) limit = v;
      }
      const ptu = n === 1 ? bounds.find((b) => b.phaseToUse !== undefined)?.phaseToUse : undefined;
      here = ptu === undefined ? { startPeriod: s, limit, numberPhases: n } : { startPeriod: s, limit, numberPhases: n, phaseToUse: ptu };
    }
    const prev = out[out.length - 1];
    if (prev && prev.limit === here.limit && prev.numberPhases === here.numberPhases && prev.phaseToUse === here.phaseToUse) continue;
    out.push(here);
  }
  return out;
}
