/**
 * Wire payloads <-> the engine's model, for both versions: 2.0.1 ChargingProfileType (an array
 * of chargingSchedule, evseId beside the profile) and 1.6 csChargingProfiles (one
 * chargingSchedule, ChargePointMaxProfile, connectorId). Composite schedules render as 2.0.1
 * CompositeScheduleType or 1.6 ChargingSchedule, and parse back from either for the checker.
 * Anything malformed yields undefined (the caller answers Rejected / reports a finding).
 */
import type { JsonObject } from '../frames.js';
import type { CompositePeriod, CompositeSchedule, Profile, ProfilePurpose, RateUnit, Schedule, SchedulePeriod } from './types.js';

const obj = (v: unknown): JsonObject | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** RFC 3339 date-time -> seconds since the epoch. */
export function toEpochS(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

/** Seconds since the epoch -> RFC 3339 UTC (whole seconds). */
export function fromEpochS(s: number): string {
  return new Date(Math.round(s) * 1000).toISOString().replace('.000Z', 'Z');
}

const PURPOSES: Record<string, ProfilePurpose> = {
  ChargingStationMaxProfile: 'ChargingStationMaxProfile',
  ChargePointMaxProfile: 'ChargingStationMaxProfile',
  ChargingStationExternalConstraints: 'ChargingStationExternalConstraints',
  TxDefaultProfile: 'TxDefaultProfile',
  TxProfile: 'TxProfile',
};

function period(v: unknown): SchedulePeriod | undefined {
  const o = obj(v);
  const startPeriod = num(o?.['startPeriod']);
  const limit = num(o?.['limit']);
  if (!o || startPeriod === undefined || limit === undefined) return undefined;
  const numberPhases = num(o['numberPhases']);
  const phaseToUse = num(o['phaseToUse']);
  return { startPeriod, limit, ...(numberPhases === undefined ? {} : { numberPhases }), ...(phaseToUse === undefined ? {} : { phaseToUse }) };
}

export function scheduleFromJson(v: unknown): Schedule | undefined {
  const o = obj(v);
  const unit = o?.['chargingRateUnit'];
  const raw = o?.['chargingSchedulePeriod'];
  if (!o || (unit !== 'A' && unit !== 'W') || !Array.isArray(raw) || raw.length === 0) return undefined;
  const periods = raw.map(period);
  if (periods.some((p) => p === undefined)) return undefined;
  const startSchedule = toEpochS(o['startSchedule']);
  const duration = num(o['duration']);
  const minChargingRate = num(o['minChargingRate']);
  return {
    chargingRateUnit: unit,
    chargingSchedulePeriod: (periods as SchedulePeriod[]).slice().sort((a, b) => a.startPeriod - b.startPeriod),
    ...(startSchedule === undefined ? {} : { startSchedule }),
    ...(duration === undefined ? {} : { duration }),
    ...(minChargingRate === undefined ? {} : { minChargingRate }),
  };
}

/** A 2.0.1 ChargingProfileType or 1.6 csChargingProfiles; `evseId` is where it was installed. */
export function profileFromJson(v: unknown, evseId?: number): Profile | undefined {
  const o = obj(v);
  if (!o) return undefined;
  const id = num(o['id'] ?? o['chargingProfileId']);
  const stackLevel = num(o['stackLevel']);
  const purpose = PURPOSES[String(o['chargingProfilePurpose'])];
  const kind = o['chargingProfileKind'];
  const scheduleField: unknown = o['chargingSchedule'];
  const rawSchedule: unknown = Array.isArray(scheduleField) ? (scheduleField as unknown[])[0] : scheduleField;
  const schedule = scheduleFromJson(rawSchedule);
  if (id === undefined || stackLevel === undefined || !purpose || !schedule || (kind !== 'Absolute' && kind !== 'Relative' && kind !== 'Recurring')) return undefined;
  const rec = o['recurrencyKind'];
  const validFrom = toEpochS(o['validFrom']);
  const validTo = toEpochS(o['validTo']);
  return {
    id,
    stackLevel,
    purpose,
    kind: kind,
    schedule,
    ...(rec === 'Daily' || rec === 'Weekly' ? { recurrencyKind: rec } : {}),
    ...(validFrom === undefined ? {} : { validFrom }),
    ...(validTo === undefined ? {} : { validTo }),
    ...(evseId === undefined ? {} : { evseId }),
  };
}

/** Limits on the wire carry at most one fractional digit (2.0.1 ChargingSchedulePeriodType.limit). */
const oneDecimal = (n: number): number => Math.round(n * 10) / 10;

function periodsJson(c: CompositeSchedule, noLimit: number): JsonObject[] {
  return c.chargingSchedulePeriod.map((p) => ({
    startPeriod: Math.round(p.startPeriod),
    limit: oneDecimal(p.limit ?? noLimit),
    numberPhases: p.numberPhases,
    ...(p.phaseToUse === undefined ? {} : { phaseToUse: p.phaseToUse }),
  }));
}

/** 2.0.1 CompositeScheduleType (GetCompositeScheduleResponse.schedule). */
export function compositeToJson201(c: CompositeSchedule, evseId: number, noLimit: number): JsonObject {
  return { evseId, duration: Math.round(c.duration), scheduleStart: fromEpochS(c.scheduleStart), chargingRateUnit: c.chargingRateUnit, chargingSchedulePeriod: periodsJson(c, noLimit) };
}

/** 1.6 ChargingSchedule (GetCompositeSchedule.conf chargingSchedule). */
export function compositeToJson16(c: CompositeSchedule, noLimit: number): JsonObject {
  return {
    duration: Math.round(c.duration),
    startSchedule: fromEpochS(c.scheduleStart),
    chargingRateUnit: c.chargingRateUnit,
    chargingSchedulePeriod: periodsJson(c, noLimit),
    ...(c.minChargingRate === undefined ? {} : { minChargingRate: oneDecimal(c.minChargingRate) }),
  };
}

/**
 * A DUT's composite as it arrived: 2.0.1 `schedule` (scheduleStart) or 1.6 `chargingSchedule`
 * (startSchedule; 1.6 also allows scheduleStart beside it in the conf). `fallbackStartS` is used
 * when the DUT gave no start at all.
 */
export function compositeFromJson(v: unknown, fallbackStartS?: number): CompositeSchedule | undefined {
  const o = obj(v);
  const unit = o?.['chargingRateUnit'];
  const raw = o?.['chargingSchedulePeriod'];
  if (!o || (unit !== 'A' && unit !== 'W') || !Array.isArray(raw)) return undefined;
  const start = toEpochS(o['scheduleStart'] ?? o['startSchedule']) ?? fallbackStartS;
  const periods = raw.map(period);
  if (start === undefined || periods.some((p) => p === undefined)) return undefined;
  const duration = num(o['duration']);
  const out: CompositePeriod[] = (periods as SchedulePeriod[])
    .slice()
    .sort((a, b) => a.startPeriod - b.startPeriod)
    .map((p) => ({ startPeriod: p.startPeriod, limit: p.limit, numberPhases: p.numberPhases ?? 3, ...(p.phaseToUse === undefined ? {} : { phaseToUse: p.phaseToUse }) }));
  const unitOut: RateUnit = unit;
  return { scheduleStart: start, duration: duration ?? Infinity, chargingRateUnit: unitOut, chargingSchedulePeriod: out };
}
