/**
 * TC_K_06/08_CSMS: the CSMS clears the TxDefaultProfile of the configured EVSE and stack level by
 * criteria, answered `status` (Accepted when the station had it, Unknown when it had none).
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { obj } from '../_shared/station.js';
import { smartChargingValues, triggeredRequest } from './support.js';

export async function clearByCriteria(ctx: TestContext, status: 'Accepted' | 'Unknown'): Promise<void> {
  const v = smartChargingValues(ctx);
  const { evseId } = ctx.config;
  const r = await triggeredRequest(ctx, 'ClearChargingProfile', 'triggerClearChargingProfile', { evseId, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: v.stackLevel }, () => ({ status }));
  const criteria = obj(r.call.payload['chargingProfileCriteria']);
  // TC_K_08_CSMS names the fields without the chargingProfileCriteria prefix: in 2.0.1 they only exist there.
  const field = (name: string, expected: unknown): void => ctx.check(`ClearChargingProfileRequest.chargingProfileCriteria.${name}`, criteria?.[name] === expected, { expected, actual: criteria?.[name] ?? 'absent', frames: r.frames, step: 1 });
  field('chargingProfilePurpose', 'TxDefaultProfile');
  field('stackLevel', v.stackLevel);
  field('evseId', evseId);
}
