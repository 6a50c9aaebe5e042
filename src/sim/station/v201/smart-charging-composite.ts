/**
 * GetCompositeSchedule for the 2.0.1 station (Part 2 K08) over the shared engine: the profiles
 * that apply to the EVSE asked about (the station-wide ones, that EVSE's, and TxProfiles only of
 * its ongoing transaction), from now for the requested duration. Where nothing limits, the
 * EVSE's physical maximum is reported. Block K's composite defects bend the input here.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import { compositeSchedule, compositeToJson201, type Profile, type RateUnit } from '../../../protocol/smart-charging/index.js';
import type { StoredProfile } from './charging-profile-store.js';

/** The declared supply voltage and the EVSE's physical maximum per phase. */
export const VOLTAGE_V = 230;
export const MAX_CURRENT_A = 32;

export interface CompositeInput {
  readonly stored: readonly StoredProfile[];
  readonly evseId: number;
  readonly nowS: number;
  readonly durationS: number;
  readonly unit: RateUnit;
  readonly tx?: { readonly id: string; readonly startS: number; readonly profilesSetAfterStart: ReadonlySet<number> };
  readonly has: (defect: string) => boolean;
}

function applies(s: StoredProfile, input: CompositeInput): boolean {
  if (s.evseId !== 0 && s.evseId !== input.evseId) return false;
  if (input.evseId === 0 && s.evseId !== 0) return false;
  if (s.profile.purpose === 'TxProfile') return input.tx !== undefined && s.transactionId === input.tx.id;
  if (s.profile.purpose === 'TxDefaultProfile' && input.tx && input.has('ignores-tx-default-during-tx') && input.tx.profilesSetAfterStart.has(s.profile.id)) return false;
  return true;
}

function bend(p: Profile, has: (d: string) => boolean): Profile {
  let out: Profile = p;
  if (has('ignores-stack-level')) out = { ...out, stackLevel: 0 };
  if (has('ignores-valid-from') && out.validFrom !== undefined) out = { ...out, validFrom: -Infinity };
  if (has('ignores-valid-to') && out.validTo !== undefined) out = { ...out, validTo: Infinity };
  if (has('ignores-start-schedule') && out.kind === 'Absolute' && out.schedule.startSchedule !== undefined) {
    const { startSchedule: _dropped, ...schedule } = out.schedule;
    out = { ...out, schedule };
  }
  return out;
}

export function compositeFor(input: CompositeInput): JsonObject {
  const profiles = input.stored
    .filter((s) => applies(s, input))
    .filter((s) => !(input.has('ignores-max-profile') && s.profile.purpose === 'ChargingStationMaxProfile'))
    .map((s) => bend(s.profile, input.has));
  const voltageV = input.has('wrong-unit-conversion') ? 110 : VOLTAGE_V;
  const ctx = { nowS: Math.floor(input.nowS), voltageV, ...(input.tx ? { txStartS: input.tx.startS } : {}) };
  const duration = input.has('composite-wrong-duration') ? input.durationS + 60 : input.durationS;
  const c = compositeSchedule(profiles, duration, input.unit, ctx);
  const noLimit = input.unit === 'A' ? MAX_CURRENT_A : MAX_CURRENT_A * VOLTAGE_V * 3;
  return compositeToJson201(c, input.evseId, noLimit);
}
