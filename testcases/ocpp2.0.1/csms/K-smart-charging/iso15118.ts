/**
 * The ISO 15118 smart-charging exchanges of the block K `_CSMS` cases (Part 6 reusable state
 * ISO15118SmartCharging, Table 710; TC_K_53/55/57/58/59_CSMS): the simulated station passes the
 * mock EV's charging needs (NotifyEVChargingNeeds), the CSMS answers with a TxProfile for the
 * transaction (SetChargingProfile, answered Accepted), the station passes the EV's schedule
 * (NotifyEVChargingSchedule) and reports the rate change in a TransactionEvent.
 *
 * Configured mock EV (config `extra`): maxScheduleTuples (3), evMaxCurrentA (32),
 * evEnergyAmountWh (20000). A CSMS may answer the needs Processing; then its profile may take
 * up to 60 s (Part 6 note), here the run's message timeout.
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { extraNumber, framesOf, nowIso, obj, sendTransactionEvent, stationOf } from '../_shared/station.js';
import { scheduleOf } from './profile-checks.js';

export interface Steps {
  /** Validated step numbers of the case (absent: the case validates none). */
  needsAnswer?: number;
  profile?: number;
  scheduleAnswer?: number;
}

/** Answer the CSMS's SetChargingProfile Accepted from now on (it may come right after a notification). */
export function acceptProfiles(ctx: TestContext): void {
  ctx.respond('SetChargingProfile', () => ({ status: 'Accepted' }));
}

export function chargingNeeds(ctx: TestContext): JsonObject {
  return {
    evseId: ctx.config.evseId,
    maxScheduleTuples: extraNumber(ctx, 'maxScheduleTuples', 3),
    chargingNeeds: {
      requestedEnergyTransfer: 'AC_three_phase',
      acChargingParameters: { energyAmount: extraNumber(ctx, 'evEnergyAmountWh', 20000), evMinCurrent: 6, evMaxCurrent: extraNumber(ctx, 'evMaxCurrentA', 32), evMaxVoltage: 400 },
    },
  };
}

/** NotifyEVChargingNeeds; the CSMS's status must be Accepted or Processing (`step`). */
export async function sendChargingNeeds(ctx: TestContext, step: number | undefined): Promise<void> {
  const answer = await ctx.callExpect('NotifyEVChargingNeeds', chargingNeeds(ctx), { describe: 'a NotifyEVChargingNeedsResponse' });
  const status = answer['status'];
  ctx.check('NotifyEVChargingNeedsResponse.status is Accepted or Processing', status === 'Accepted' || status === 'Processing', { expected: 'Accepted or Processing', actual: status ?? 'absent', ...(step === undefined ? {} : { step }) });
}

/** The CSMS's next SetChargingProfile (after journal index `since`, when given): a TxProfile for the configured EVSE naming the open transaction (`step`). */
export async function expectTxProfile(ctx: TestContext, step: number | undefined, checkEvse: boolean, since?: number): Promise<ObservedCall> {
  const call = await ctx.expectCall('SetChargingProfile', { describe: 'a SetChargingProfileRequest from the CSMS', ...(since === undefined ? {} : { from: since }) });
  const frames = framesOf(call);
  const at = { frames, ...(step === undefined ? {} : { step }) };
  const profile = obj(call.payload['chargingProfile']);
  const transactionId = stationOf(ctx).transaction?.transactionId;
  if (checkEvse) ctx.check('SetChargingProfileRequest.evseId is the configured EVSE', call.payload['evseId'] === ctx.config.evseId, { expected: ctx.config.evseId, actual: call.payload['evseId'] ?? 'absent', ...at });
  ctx.check('SetChargingProfileRequest.chargingProfile.chargingProfilePurpose is TxProfile', profile?.['chargingProfilePurpose'] === 'TxProfile', { expected: 'TxProfile', actual: profile?.['chargingProfilePurpose'] ?? 'absent', ...at });
  ctx.check('SetChargingProfileRequest.chargingProfile.transactionId is the open transaction', transactionId !== undefined && profile?.['transactionId'] === transactionId, { expected: transactionId ?? 'the open transaction', actual: profile?.['transactionId'] ?? 'absent', ...at });
  return call;
}

/** NotifyEVChargingSchedule with `schedule`; the CSMS's status must be `expected` (`step`). */
export async function sendEvSchedule(ctx: TestContext, schedule: JsonObject | undefined, expected: 'Accepted' | 'Rejected', step: number | undefined): Promise<void> {
  const answer = await ctx.callExpect('NotifyEVChargingSchedule', { timeBase: nowIso(ctx), evseId: ctx.config.evseId, chargingSchedule: schedule ?? { id: 1, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 0 }] } }, { describe: 'a NotifyEVChargingScheduleResponse' });
  ctx.check(`NotifyEVChargingScheduleResponse.status is ${expected}`, answer['status'] === expected, { expected, actual: answer['status'] ?? 'absent', ...(step === undefined ? {} : { step }) });
}

/** The EV's schedule: the one of the CSMS's profile, its limits scaled by `factor` (above 1: exceeding it). */
export function evScheduleFrom(call: ObservedCall, factor = 1): JsonObject | undefined {
  const schedule = scheduleOf(obj(call.payload['chargingProfile']));
  if (schedule === undefined) return undefined;
  const periods = Array.isArray(schedule['chargingSchedulePeriod']) ? (schedule['chargingSchedulePeriod'] as unknown[]) : [];
  const { startSchedule, ...rest } = schedule;
  void startSchedule;
  return { ...rest, chargingSchedulePeriod: periods.map((p) => ({ ...obj(p), limit: Number(obj(p)?.['limit'] ?? 0) * factor })) };
}

export const rateChanged = (ctx: TestContext, triggerReason: 'ChargingStateChanged' | 'ChargingRateChanged'): Promise<JsonObject> =>
  sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason, chargingState: 'Charging' });

/** Part 6 Table 710, steps 1-8; `steps` maps its validations onto the case's step numbers. */
export async function iso15118SmartCharging(ctx: TestContext, steps: Steps): Promise<ObservedCall> {
  acceptProfiles(ctx);
  const since = ctx.cursor();
  await ctx.step('ISO15118SmartCharging 1-2: the station sends the EV charging needs; Accepted or Processing', () => sendChargingNeeds(ctx, steps.needsAnswer));
  const profile = await ctx.step('ISO15118SmartCharging 3-4: the CSMS sends a TxProfile for the transaction, answered Accepted', () => expectTxProfile(ctx, steps.profile, false, since));
  await ctx.step('ISO15118SmartCharging 5-6: the station sends the EV schedule (the profile\'s); the CSMS accepts it', () => sendEvSchedule(ctx, evScheduleFrom(profile), 'Accepted', steps.scheduleAnswer));
  await ctx.step('ISO15118SmartCharging 7-8: TransactionEvent ChargingStateChanged, Charging', () => rateChanged(ctx, 'ChargingStateChanged'));
  return profile;
}
