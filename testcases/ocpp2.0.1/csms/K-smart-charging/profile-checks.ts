/**
 * The tool validations of a charging profile a CSMS sends, shared by the 2.0.1 block K `_CSMS`
 * cases and the 1.6 Smart Charging `_CSMS` cases (their profiles differ only in where the schedule
 * sits): purpose, kind, stack level, validity "now" or "not omitted", rate unit, duration, start
 * period, limit "6.0 or 6000.0", and numberPhases "<Configured numberPhases>, or omitted where
 * that is 3" (Part 6 TC_K_01/02/03/10_CSMS, OCTT 1.6 TC_056/059_CSMS).
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';

export const objOf = (v: unknown): JsonObject | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined);

export interface ProfileExpectations {
  purpose?: string;
  kind?: readonly string[];
  stackLevel?: number;
  /** 'now': validFrom now, validTo now + validityS, startSchedule now; 'present': all three not omitted. */
  validity?: { mode: 'now'; validityS: number } | { mode: 'present' };
  rateUnit?: string;
  durationS?: number;
  startPeriod?: number;
  /** Either value is allowed (Part 6: "limit 6.0 or 6000.0"). */
  limits?: readonly number[];
  numberPhases?: number;
  recurrencyKind?: string;
  /** A transactionId value, or the word 'omitted'. */
  transactionId?: string;
}

/** The first schedule of a profile: 2.0.1 chargingSchedule[0], 1.6 chargingSchedule. */
export function scheduleOf(profile: JsonObject | undefined): JsonObject | undefined {
  const s = profile?.['chargingSchedule'];
  return Array.isArray(s) ? objOf(s[0]) : objOf(s);
}

export function firstPeriodOf(profile: JsonObject | undefined): JsonObject | undefined {
  const periods = scheduleOf(profile)?.['chargingSchedulePeriod'];
  return Array.isArray(periods) ? objOf(periods[0]) : undefined;
}

/** Within the run's tolerance of the time the request arrived (Part 6 §3.1 time deviation). */
function isNow(ctx: TestContext, value: unknown, offsetMs: number, seenWallMs: number): boolean {
  if (typeof value !== 'string') return false;
  const t = Date.parse(value);
  return Number.isFinite(t) && Math.abs(t - (seenWallMs + offsetMs)) <= ctx.config.toleranceMs;
}

/**
 * One check per expected field of `profile` (named `name`, e.g. "chargingProfile"), all traced to
 * `step`; `seenWallMs` is when the request arrived, for the "now" comparisons.
 */
export function checkProfile(ctx: TestContext, profile: JsonObject | undefined, name: string, want: ProfileExpectations, at: { step: number; frames: number[]; seenWallMs: number }): void {
  const { step, frames, seenWallMs } = at;
  const schedule = scheduleOf(profile);
  const period = firstPeriodOf(profile);
  const field = (label: string, ok: boolean, expected: unknown, actual: unknown): void => ctx.check(`${name}.${label}`, ok, { expected, actual: actual ?? 'absent', frames, step });
  if (want.purpose !== undefined) field('chargingProfilePurpose', profile?.['chargingProfilePurpose'] === want.purpose, want.purpose, profile?.['chargingProfilePurpose']);
  if (want.stackLevel !== undefined) field('stackLevel', profile?.['stackLevel'] === want.stackLevel, want.stackLevel, profile?.['stackLevel']);
  if (want.kind !== undefined) field('chargingProfileKind', want.kind.includes(String(profile?.['chargingProfileKind'])), want.kind.join(' or '), profile?.['chargingProfileKind']);
  if (want.recurrencyKind !== undefined) field('recurrencyKind', profile?.['recurrencyKind'] === want.recurrencyKind, want.recurrencyKind, profile?.['recurrencyKind']);
  if (want.transactionId === 'omitted') field('transactionId', profile?.['transactionId'] === undefined, 'omitted', profile?.['transactionId'] ?? 'omitted');
  else if (want.transactionId !== undefined) field('transactionId', String(profile?.['transactionId']) === want.transactionId && profile?.['transactionId'] !== undefined, want.transactionId, profile?.['transactionId']);
  const v = want.validity;
  if (v?.mode === 'now') {
    const tol = `± ${ctx.config.toleranceMs} ms`;
    field('validFrom', isNow(ctx, profile?.['validFrom'], 0, seenWallMs), `now (${new Date(seenWallMs).toISOString()} ${tol})`, profile?.['validFrom']);
    field('validTo', isNow(ctx, profile?.['validTo'], v.validityS * 1000, seenWallMs), `now + ${v.validityS} s (${new Date(seenWallMs + v.validityS * 1000).toISOString()} ${tol})`, profile?.['validTo']);
    field('chargingSchedule.startSchedule', isNow(ctx, schedule?.['startSchedule'], 0, seenWallMs), `now (${new Date(seenWallMs).toISOString()} ${tol})`, schedule?.['startSchedule']);
  } else if (v?.mode === 'present') {
    field('validFrom', profile?.['validFrom'] !== undefined, 'not omitted', profile?.['validFrom']);
    field('validTo', profile?.['validTo'] !== undefined, 'not omitted', profile?.['validTo']);
    field('chargingSchedule.startSchedule', schedule?.['startSchedule'] !== undefined, 'not omitted', schedule?.['startSchedule']);
  }
  if (want.rateUnit !== undefined) field('chargingSchedule.chargingRateUnit', schedule?.['chargingRateUnit'] === want.rateUnit, want.rateUnit, schedule?.['chargingRateUnit']);
  if (want.durationS !== undefined) field('chargingSchedule.duration', schedule?.['duration'] === want.durationS, want.durationS, schedule?.['duration']);
  if (want.startPeriod !== undefined) field('chargingSchedule.chargingSchedulePeriod.startPeriod', period?.['startPeriod'] === want.startPeriod, want.startPeriod, period?.['startPeriod']);
  if (want.limits !== undefined) field('chargingSchedule.chargingSchedulePeriod.limit', want.limits.includes(Number(period?.['limit'])), want.limits.join(' or '), period?.['limit']);
  if (want.numberPhases !== undefined) {
    const n = period?.['numberPhases'];
    const ok = n === want.numberPhases || (want.numberPhases === 3 && n === undefined);
    field('chargingSchedule.chargingSchedulePeriod.numberPhases', ok, want.numberPhases === 3 ? '3 or omitted' : want.numberPhases, n ?? 'omitted');
  }
}
