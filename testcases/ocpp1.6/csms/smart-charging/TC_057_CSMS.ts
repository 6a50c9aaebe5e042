/**
 * OCPP 1.6 TC_057_CSMS — Central Smart Charging - TxProfile. OCTT 1.6 document §3.19.1; OCPP 1.6
 * §5.16, §3.13.1: while the Charge Point charges (reusable state Charging) the operator makes the
 * Central System set a schedule for that transaction: a TxProfile for the configured connector
 * naming the transactionId the Central System gave. The harness accepts it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { chargePoint } from '../_shared/charge-point.js';
import { checkConnector, checkProfile, limitIn, objOf, profileParams16, setChargingProfile16, smartChargingValues } from './support.js';

export default defineTestCase({
  id: 'TC_057_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'SmartCharging',
  title: 'Central Smart Charging - TxProfile',
  requirements: ['OCPP 1.6 §5.16', 'OCPP 1.6 §3.13.1'],
  certification: [{ profile: 'Smart Charging', need: 'M' }],
  states: ['Charging'],
  validations: [
    { step: 1, checks: 'SetChargingProfile.req for the configured connector: TxProfile with the transactionId of the running transaction' },
    { step: 2, checks: 'the Charge Point answers SetChargingProfile.conf Accepted (the profile names its transaction)' },
  ],
  detects: ['tx-profile-without-transaction-id', 'charging-profile-wrong-purpose', 'smart-charging-wrong-evse', 'ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    const tx = chargePoint(ctx).transaction;
    if (tx === undefined) ctx.inconclusive('no transaction is running after the reusable state Charging');
    const transactionId = tx?.transactionId;
    await ctx.step('Steps 1-2: SetChargingProfile.req TxProfile for the running transaction → Accepted', async () => {
      const s = await setChargingProfile16(ctx, profileParams16(ctx, { chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative', transactionId, limit: limitIn(v.chargingRateUnit, 6) }), { step: 1, confStep: 2 });
      checkConnector(ctx, s, 'SetChargingProfile', ctx.config.connectorId, 1);
      checkProfile(ctx, objOf(s.payload['csChargingProfiles']), 'csChargingProfiles', { purpose: 'TxProfile', transactionId: String(transactionId) }, { step: 1, frames: s.frames, seenWallMs: s.seenWallMs });
    });
  },
});
