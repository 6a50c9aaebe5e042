/**
 * One profile on its own: which period (if any) it imposes at an instant, and the instants in a
 * window where that can change. A profile imposes nothing outside validFrom/validTo, before its
 * schedule starts, after its schedule's duration, or before its first period's startPeriod.
 * Schedule start: Absolute -> startSchedule; Relative -> the transaction's start (without a
 * transaction, "now"); Recurring -> the latest Daily/Weekly recurrence of startSchedule at or
 * before the instant. A start-less Absolute/Recurring schedule starts "now".
 */
import { DAY_S, WEEK_S, type EvaluationContext, type Profile, type SchedulePeriod } from './types.js';

export interface ActivePeriod {
  readonly profile: Profile;
  readonly period: SchedulePeriod;
}

const recurrenceS = (p: Profile): number => (p.recurrencyKind === 'Weekly' ? WEEK_S : DAY_S);

/** Start of the schedule (the recurrence) in force at t, or undefined before the first one. */
export function scheduleStartAt(p: Profile, t: number, ctx: EvaluationContext): number | undefined {
  if (p.kind === 'Relative') return ctx.txStartS ?? ctx.nowS;
  const anchor = p.schedule.startSchedule ?? ctx.nowS;
  if (p.kind === 'Absolute') return anchor;
  if (t < anchor) return undefined;
  const every = recurrenceS(p);
  return anchor + Math.floor((t - anchor) / every) * every;
}

export function isValidAt(p: Profile, t: number): boolean {
  return (p.validFrom === undefined || t >= p.validFrom) && (p.validTo === undefined || t < p.validTo);
}

/** The period the profile imposes at t, or undefined when it imposes none. */
export function activePeriod(p: Profile, t: number, ctx: EvaluationContext): ActivePeriod | undefined {
  if (!isValidAt(p, t)) return undefined;
  const start = scheduleStartAt(p, t, ctx);
  if (start === undefined || t < start) return undefined;
  const elapsed = t - start;
  if (p.schedule.duration !== undefined && elapsed >= p.schedule.duration) return undefined;
  let found: SchedulePeriod | undefined;
  for (const period of p.schedule.chargingSchedulePeriod) {
    if (period.startPeriod <= elapsed && (found === undefined || period.startPeriod >= found.startPeriod)) found = period;
  }
  return found ? { profile: p, period: found } : undefined;
}

/** Every instant in (from, to) where the profile's answer may change (plus none outside). */
export function breakpoints(p: Profile, from: number, to: number, ctx: EvaluationContext): number[] {
  const out: number[] = [];
  const add = (t: number): void => {
    if (t > from && t < to) out.push(t);
  };
  if (p.validFrom !== undefined) add(p.validFrom);
  if (p.validTo !== undefined) add(p.validTo);
  const starts: number[] = [];
  if (p.kind === 'Recurring') {
    const first = scheduleStartAt(p, Math.max(from, p.schedule.startSchedule ?? ctx.nowS), ctx);
    const every = recurrenceS(p);
    for (let s = first ?? to; s < to; s += every) starts.push(s);
  } else {
    const s = scheduleStartAt(p, from, ctx);
    if (s !== undefined) starts.push(s);
  }
  for (const s of starts) {
    add(s);
    for (const period of p.schedule.chargingSchedulePeriod) add(s + period.startPeriod);
    if (p.schedule.duration !== undefined) add(s + p.schedule.duration);
  }
  return out;
}
