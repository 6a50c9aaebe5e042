/**
 * What the smart-charging trigger blocks of both versions share (2.0.1 block K, 1.6 Smart Charging
 * profile): the charging profile the CSMS builds from a trigger's parameters, the EVSE / connector
 * it names, and the defects that break them. The 2.0.1 profile (K01) and the 1.6 csChargingProfiles
 * (§7.8) differ only in a few names and in the schedule being a list in 2.0.1.
 *
 * Parameters: chargingProfileId, stackLevel, chargingProfilePurpose, chargingProfileKind,
 * recurrencyKind, validForS (validFrom now, validTo now + validForS), durationS (schedule
 * duration), startSchedule ('now' or a date-time; an Absolute or Recurring profile starts now when
 * absent), chargingRateUnit, startPeriod, limit, numberPhases, transactionId.
 */
import type { JsonObject } from '../../protocol/frames.js';
import type { DefectDecl } from '../defect-registry.js';
import { ParamError, type Params } from './params.js';
import type { TriggerContext } from './triggers.js';

/** Defects of the smart-charging triggers; the names and words are the same in both versions. */
export const chargingProfileDefects: readonly DefectDecl[] = [
  { name: 'charging-profile-wrong-purpose', description: 'sends SetChargingProfile with another chargingProfilePurpose than asked (TxDefaultProfile and TxProfile swapped, a station-wide maximum profile sent as TxDefaultProfile)' },
  { name: 'charging-profile-wrong-kind', description: 'sends another chargingProfileKind than asked (Absolute and Relative swapped, Recurring sent as Absolute)' },
  { name: 'charging-profile-without-validity', description: 'leaves validFrom, validTo and the schedule startSchedule out of the charging profiles it sends' },
  { name: 'charging-profile-ignores-stack-level', description: 'sends every charging profile with stackLevel 0, whatever stack level it was asked for' },
  { name: 'charging-profile-fresh-id', description: 'numbers every charging profile anew instead of using the chargingProfileId it was asked to set (a replacement becomes a second profile)' },
  { name: 'recurring-without-recurrency-kind', description: 'sends a Recurring charging profile without recurrencyKind' },
  { name: 'tx-profile-without-transaction-id', description: 'sends a TxProfile in SetChargingProfile without the transactionId of the ongoing transaction' },
  { name: 'remote-start-profile-with-transaction-id', description: 'puts a transactionId into the TxProfile of a remote start (the transaction does not exist yet)' },
  { name: 'smart-charging-wrong-evse', description: 'names another EVSE / connector than asked in SetChargingProfile, ClearChargingProfile, GetChargingProfiles and GetCompositeSchedule (0 for a specific one, 1 for 0, 0 when it should leave it out)' },
  { name: 'clear-profile-drops-stack-level', description: 'sends ClearChargingProfile without the stackLevel it was asked to clear' },
  { name: 'clear-profile-by-criteria', description: 'asked to clear one charging profile by its id, sends ClearChargingProfile with criteria (purpose, stack level) instead of the id' },
  { name: 'composite-schedule-drops-rate-unit', description: 'sends GetCompositeSchedule without the chargingRateUnit it was asked for' },
];

export type Purpose = 'ChargingStationMaxProfile' | 'ChargePointMaxProfile' | 'TxDefaultProfile' | 'TxProfile' | 'ChargingStationExternalConstraints';
const kinds = ['Absolute', 'Recurring', 'Relative'] as const;

/**
 * The EVSE (2.0.1) / connector (1.6) a smart-charging call names: the one asked for, `undefined`
 * when none was asked and `omittable` (GetChargingProfiles without evseId), or what the
 * smart-charging-wrong-evse defect makes of it.
 */
export function evseFor(ctx: TriggerContext, asked: number | undefined, omittable: boolean): number | undefined {
  const evse = asked ?? (omittable ? undefined : 0);
  if (!ctx.has('smart-charging-wrong-evse')) return evse;
  if (evse === undefined) return 0;
  return evse === 0 ? 1 : 0;
}

export function purposeFor(ctx: TriggerContext, p: Params, version: '1.6' | '2.0.1'): Purpose {
  const max = version === '1.6' ? 'ChargePointMaxProfile' : 'ChargingStationMaxProfile';
  const allowed: Purpose[] = version === '1.6' ? ['ChargePointMaxProfile', 'TxDefaultProfile', 'TxProfile'] : ['ChargingStationMaxProfile', 'TxDefaultProfile', 'TxProfile', 'ChargingStationExternalConstraints'];
  const asked = p.oneOf('chargingProfilePurpose', allowed) ?? (p.has('transactionId') ? 'TxProfile' : 'TxDefaultProfile');
  if (!ctx.has('charging-profile-wrong-purpose')) return asked;
  if (asked === 'TxProfile') return 'TxDefaultProfile';
  if (asked === 'TxDefaultProfile') return 'TxProfile';
  return asked === max ? 'TxDefaultProfile' : max;
}

function kindFor(ctx: TriggerContext, p: Params): (typeof kinds)[number] {
  const asked = p.oneOf('chargingProfileKind', kinds) ?? 'Relative';
  if (!ctx.has('charging-profile-wrong-kind')) return asked;
  return asked === 'Absolute' ? 'Relative' : 'Absolute';
}

/** `{ [name]: value }`, or nothing when the value is absent. */
export const optional = <T>(name: string, value: T | undefined): Record<string, T> => (value === undefined ? {} : { [name]: value });

const iso = (ms: number): string => new Date(ms).toISOString();

/** The parts both versions' profiles have, under the 2.0.1 names (the 1.6 builder renames a few). */
interface ProfileParts {
  id: number;
  stackLevel: number;
  purpose: Purpose;
  kind: (typeof kinds)[number];
  recurrencyKind?: string;
  validFrom?: string;
  validTo?: string;
  transactionId?: string;
  schedule: JsonObject;
}

function profileParts(ctx: TriggerContext, p: Params, version: '1.6' | '2.0.1', tx: { forRemoteStart: boolean }): ProfileParts {
  const purpose = purposeFor(ctx, p, version);
  const kind = kindFor(ctx, p);
  const asked = p.int('chargingProfileId');
  const id = asked !== undefined && !ctx.has('charging-profile-fresh-id') ? asked : ctx.next('chargingProfileId');
  const stackLevel = ctx.has('charging-profile-ignores-stack-level') ? 0 : (p.int('stackLevel') ?? 0);
  const validity = !ctx.has('charging-profile-without-validity');
  const validForS = p.int('validForS');
  const startText = p.str('startSchedule');
  const startSchedule = startText === 'now' || (startText === undefined && kind !== 'Relative') ? iso(ctx.nowWallMs) : startText;
  const durationS = p.int('durationS');
  const numberPhases = p.int('numberPhases');
  const limit = Number(p.str('limit') ?? 16);
  if (!Number.isFinite(limit)) throw new ParamError('parameter limit must be a number');
  const period: JsonObject = { startPeriod: p.int('startPeriod') ?? 0, limit, ...(numberPhases === undefined ? {} : { numberPhases }) };
  const schedule: JsonObject = {
    ...(startSchedule === undefined || !validity ? {} : { startSchedule }),
    ...(durationS === undefined ? {} : { duration: durationS }),
    chargingRateUnit: p.oneOf('chargingRateUnit', ['A', 'W'] as const) ?? 'A',
    chargingSchedulePeriod: [period],
  };
  let transactionId: string | undefined;
  if (purpose === 'TxProfile' && !tx.forRemoteStart) {
    transactionId = p.str('transactionId') ?? ctx.ongoingTransactionId;
    if (transactionId === undefined && !ctx.has('charging-profile-wrong-purpose')) throw new ParamError('a TxProfile needs a transaction: none is ongoing, pass transactionId');
    if (ctx.has('tx-profile-without-transaction-id')) transactionId = undefined;
  }
  if (tx.forRemoteStart && ctx.has('remote-start-profile-with-transaction-id')) transactionId = ctx.ongoingTransactionId ?? ctx.endedTransactionId ?? '1';
  const recurrencyKind = kind === 'Recurring' && !ctx.has('recurring-without-recurrency-kind') ? (p.oneOf('recurrencyKind', ['Daily', 'Weekly'] as const) ?? 'Daily') : undefined;
  return {
    id,
    stackLevel,
    purpose,
    kind,
    ...(recurrencyKind === undefined ? {} : { recurrencyKind }),
    ...(validForS === undefined || !validity ? {} : { validFrom: iso(ctx.nowWallMs), validTo: iso(ctx.nowWallMs + validForS * 1000) }),
    ...(transactionId === undefined ? {} : { transactionId }),
    schedule,
  };
}

/** A 2.0.1 ChargingProfileType (K01) built from a trigger's parameters. */
export function chargingProfile201(ctx: TriggerContext, p: Params, forRemoteStart = false): JsonObject {
  const x = profileParts(ctx, p, '2.0.1', { forRemoteStart });
  return {
    id: x.id,
    stackLevel: x.stackLevel,
    chargingProfilePurpose: x.purpose,
    chargingProfileKind: x.kind,
    ...(x.recurrencyKind === undefined ? {} : { recurrencyKind: x.recurrencyKind }),
    ...(x.validFrom === undefined ? {} : { validFrom: x.validFrom, validTo: x.validTo ?? x.validFrom }),
    ...(x.transactionId === undefined ? {} : { transactionId: x.transactionId }),
    chargingSchedule: [{ id: x.id, ...x.schedule }],
  };
}

/** A 1.6 csChargingProfiles / chargingProfile (§7.8) built from a trigger's parameters. */
export function chargingProfile16(ctx: TriggerContext, p: Params, forRemoteStart = false): JsonObject {
  const x = profileParts(ctx, p, '1.6', { forRemoteStart });
  return {
    chargingProfileId: x.id,
    ...(x.transactionId === undefined ? {} : { transactionId: Number(x.transactionId) }),
    stackLevel: x.stackLevel,
    chargingProfilePurpose: x.purpose,
    chargingProfileKind: x.kind,
    ...(x.recurrencyKind === undefined ? {} : { recurrencyKind: x.recurrencyKind }),
    ...(x.validFrom === undefined ? {} : { validFrom: x.validFrom, validTo: x.validTo ?? x.validFrom }),
    chargingSchedule: x.schedule,
  };
}

/**
 * A remote start's charging profile: the one given (params.chargingProfile, as it is), or one
 * built when params.chargingProfilePurpose asks for it (a TxProfile without transactionId, Part 2
 * F01.FR.11 / 1.6 §5.11); none otherwise.
 */
export function remoteStartProfile(ctx: TriggerContext, p: Params): JsonObject | undefined {
  const given = p.obj('chargingProfile');
  if (given !== undefined || !p.has('chargingProfilePurpose')) return given;
  return ctx.version === '1.6' ? chargingProfile16(ctx, p, true) : chargingProfile201(ctx, p, true);
}
