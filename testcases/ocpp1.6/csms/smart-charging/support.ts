/**
 * What the OCPP 1.6 Smart Charging `_CSMS` cases share (OCTT 1.6 document §3.19): the harness-as-
 * Charge-Point's answers to SetChargingProfile / ClearChargingProfile / GetCompositeSchedule, and
 * the configured values and profile checks of the 2.0.1 block K cases (the same "Configured …"
 * values, config `extra`; see ../../../ocpp2.0.1/csms/K-smart-charging/support.ts).
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { smartChargingValues } from '../../../ocpp2.0.1/csms/K-smart-charging/support.js';
import { chargePoint, checkReply, connectorIds, triggeredCall } from '../_shared/charge-point.js';

export { checkProfile, objOf } from '../../../ocpp2.0.1/csms/K-smart-charging/profile-checks.js';
export { limitIn, limitsOf, smartChargingValues } from '../../../ocpp2.0.1/csms/K-smart-charging/support.js';

/**
 * SetChargingProfile.conf (OCPP 1.6 §5.16): Rejected for a connector the Charge Point does not
 * have, or a TxProfile that does not name its open transaction (§3.13.1); else Accepted.
 */
export function setProfileAnswer(ctx: TestContext, payload: JsonObject): JsonObject {
  const connectorId = payload['connectorId'];
  const profile = payload['csChargingProfiles'] as JsonObject | undefined;
  const okConnector = typeof connectorId === 'number' && (connectorId === 0 || connectorIds(ctx).includes(connectorId));
  const tx = chargePoint(ctx).transaction;
  const okTx = profile?.['chargingProfilePurpose'] !== 'TxProfile' || (tx !== undefined && profile['transactionId'] === tx.transactionId && connectorId === tx.connectorId);
  return { status: okConnector && okTx ? 'Accepted' : 'Rejected' };
}

export interface Sent {
  payload: JsonObject;
  frames: number[];
  reply: JsonObject;
  seenWallMs: number;
}

/** The operator makes the Central System send SetChargingProfile.req with `params`; the Charge Point answers it, and the document expects Accepted (`confStep`). */
export async function setChargingProfile16(ctx: TestContext, params: Record<string, unknown>, at: { step: number; confStep: number }): Promise<Sent> {
  const call = await triggeredCall(ctx, { action: 'SetChargingProfile', trigger: 'triggerSetChargingProfile', params, answer: (c) => setProfileAnswer(ctx, c.payload), step: at.step });
  const seenWallMs = ctx.clock.wallMs();
  checkReply(ctx, 'SetChargingProfile', call.reply, 'Accepted', call.frames, at.confStep);
  return { ...call, seenWallMs };
}

/** The parameters of a SetChargingProfile the document describes: the configured values plus `more`. */
export function profileParams16(ctx: TestContext, more: Record<string, unknown>): Record<string, unknown> {
  const v = smartChargingValues(ctx);
  return { connectorId: ctx.config.connectorId, chargingProfileId: v.chargingProfileId, stackLevel: v.stackLevel, chargingRateUnit: v.chargingRateUnit, numberPhases: v.numberPhases, startPeriod: 0, ...more };
}

export function checkConnector(ctx: TestContext, s: { payload: JsonObject; frames: number[] }, action: string, expected: number | undefined, step: number): void {
  const actual = s.payload['connectorId'];
  ctx.check(`${action}.req connectorId`, actual === expected, { expected: expected ?? 'omitted', actual: actual ?? 'omitted', frames: s.frames, step });
}
