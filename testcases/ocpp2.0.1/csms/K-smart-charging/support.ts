/**
 * What the block K `_CSMS` cases share (Part 6 §3.12): the configured smart-charging values, making
 * the CSMS send SetChargingProfile / ClearChargingProfile / GetChargingProfiles /
 * GetCompositeSchedule with every value Part 6 configures (so a hook, a DUT map or a person can
 * reproduce it) and answering as the OCTT does, and the charging-profile reports of the
 * harness-as-station.
 *
 * Configured values (config `extra`): chargingProfileId (1), stackLevel (1), stackLevel2 (2),
 * chargingRateUnit (A), numberPhases (3), chargingScheduleDurationS (<Configured duration>, 300),
 * chargingProfileValidityS (<Configured Charging Schedule Duration>, validTo - validFrom, 3600),
 * recurrencyKind (Daily), chargingProfilePurpose (TxDefaultProfile: the GetChargingProfiles
 * criterion), chargingLimitSource (CSO), startPeriod (<Configured startPeriod>, 0).
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { connectorsOf, extraNumber, extraString, framesOf, obj } from '../_shared/station.js';

export interface SmartChargingValues {
  chargingProfileId: number;
  stackLevel: number;
  stackLevel2: number;
  chargingRateUnit: 'A' | 'W';
  numberPhases: number;
  durationS: number;
  validityS: number;
  recurrencyKind: string;
  chargingProfilePurpose: string;
  chargingLimitSource: string;
  startPeriod: number;
}

export function smartChargingValues(ctx: TestContext): SmartChargingValues {
  const unit = extraString(ctx, 'chargingRateUnit', 'A');
  return {
    chargingProfileId: extraNumber(ctx, 'chargingProfileId', 1),
    stackLevel: extraNumber(ctx, 'stackLevel', 1),
    stackLevel2: extraNumber(ctx, 'stackLevel2', 2),
    chargingRateUnit: unit === 'W' ? 'W' : 'A',
    numberPhases: extraNumber(ctx, 'numberPhases', 3),
    durationS: extraNumber(ctx, 'chargingScheduleDurationS', 300),
    validityS: extraNumber(ctx, 'chargingProfileValidityS', 3600),
    recurrencyKind: extraString(ctx, 'recurrencyKind', 'Daily'),
    chargingProfilePurpose: extraString(ctx, 'chargingProfilePurpose', 'TxDefaultProfile'),
    chargingLimitSource: extraString(ctx, 'chargingLimitSource', 'CSO'),
    startPeriod: extraNumber(ctx, 'startPeriod', 0),
  };
}

/** Part 6 gives limits in A; "6.0 or 6000.0": the W figure is a thousand times that. */
export const limitIn = (unit: 'A' | 'W', amps: number): number => (unit === 'W' ? amps * 1000 : amps);
export const limitsOf = (amps: number): number[] => [amps, amps * 1000];

export interface Received {
  call: ObservedCall;
  frames: number[];
  /** Wall time just after the request arrived, for the "now" validations. */
  seenWallMs: number;
}

/** Make the CSMS send `action` through `trigger` with `params`, answer it with `answer`, and return the request. */
export async function triggeredRequest(ctx: TestContext, action: string, trigger: Parameters<TestContext['dut']>[0], params: Record<string, unknown>, answer: (payload: JsonObject) => JsonObject): Promise<Received> {
  ctx.respond(action, (call) => answer(call.payload));
  await ctx.dut(trigger, params);
  const call = await ctx.expectCall(action, { describe: `a ${action}Request from the CSMS` });
  return { call, frames: framesOf(call), seenWallMs: ctx.clock.wallMs() };
}

/** SetChargingProfile, answered `status` (Accepted unless said otherwise). */
export function setChargingProfile(ctx: TestContext, params: Record<string, unknown>, status = 'Accepted'): Promise<Received> {
  return triggeredRequest(ctx, 'SetChargingProfile', 'triggerSetChargingProfile', params, () => ({ status }));
}

/** The parameters of a SetChargingProfile Part 6 describes: the configured values plus `more`. */
export function profileParams(ctx: TestContext, more: Record<string, unknown>): Record<string, unknown> {
  const v = smartChargingValues(ctx);
  return { chargingProfileId: v.chargingProfileId, stackLevel: v.stackLevel, chargingRateUnit: v.chargingRateUnit, numberPhases: v.numberPhases, startPeriod: 0, ...more };
}

export const profileOf = (r: Received): JsonObject | undefined => obj(r.call.payload['chargingProfile']);

export function checkEvse(ctx: TestContext, r: Received, expected: number | undefined, step: number | undefined, where = 'evseId'): void {
  const actual = r.call.payload[where];
  ctx.check(`${r.call.action}Request.${where}`, actual === expected, { expected: expected ?? 'omitted', actual: actual ?? 'omitted', frames: r.frames, ...(step === undefined ? {} : { step }) });
}

/** A charging profile the harness-as-station reports as installed (K09: ReportChargingProfiles). */
export function installedProfile(ctx: TestContext, id: number, purpose: string, stackLevel: number): JsonObject {
  const v = smartChargingValues(ctx);
  return {
    id,
    stackLevel,
    chargingProfilePurpose: purpose,
    chargingProfileKind: 'Relative',
    chargingSchedule: [{ id, chargingRateUnit: v.chargingRateUnit, chargingSchedulePeriod: [{ startPeriod: 0, limit: limitIn(v.chargingRateUnit, 10) }] }],
  };
}

/**
 * After an Accepted GetChargingProfiles: ReportChargingProfiles with the request's requestId for
 * each EVSE in `evseIds` (tbc on all but the last), each with one profile; the CSMS must answer each.
 */
export async function reportProfiles(ctx: TestContext, request: ObservedCall, evseIds: readonly number[], profileFor: (evseId: number) => JsonObject, source = 'CSO'): Promise<void> {
  const requestId = request.payload['requestId'];
  if (typeof requestId !== 'number') ctx.fail(`GetChargingProfilesRequest.requestId is not an integer (${JSON.stringify(requestId)}): nothing to report against`);
  for (const [i, evseId] of evseIds.entries()) {
    await ctx.callExpect('ReportChargingProfiles', { requestId, chargingLimitSource: source, evseId, chargingProfile: [profileFor(evseId)], ...(i < evseIds.length - 1 ? { tbc: true } : {}) }, { describe: 'a ReportChargingProfilesResponse' });
  }
}

/** The EVSEs a GetChargingProfiles for `evseId` covers: that one, or every EVSE of the station when omitted. */
export function evsesAsked(ctx: TestContext, evseId: unknown): number[] {
  if (typeof evseId === 'number') return [evseId];
  return connectorsOf(ctx).map((c) => c.evseId);
}

/** GetChargingProfilesRequest.chargingProfile (the criterion), or an empty object. */
export const criterionOf = (r: Received): JsonObject => obj(r.call.payload['chargingProfile']) ?? {};
