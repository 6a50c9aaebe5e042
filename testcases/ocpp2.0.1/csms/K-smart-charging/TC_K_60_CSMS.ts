/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_60_CSMS: during a transaction (EnergyTransferStarted) the CSMS sets
 * a TxProfile on the configured EVSE naming that transaction's transactionId (Part 6 lists
 * K01.FR.03, K01.FR.31); the simulated station accepts it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationOf } from '../_shared/station.js';
import { checkProfile } from './profile-checks.js';
import { checkEvse, limitIn, profileOf, profileParams, setChargingProfile, smartChargingValues } from './support.js';

export default defineTestCase({
  id: 'TC_K_60_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Set Charging Profile - TxProfile with ongoing transaction on the specified EVSE',
  useCases: ['K01'],
  requirements: ['K01.FR.03', 'K01.FR.31'],
  certification: [
    { profile: 'Smart Charging', need: 'M' },
    { profile: 'ISO 15118 Support', need: 'M' },
  ],
  states: ['EnergyTransferStarted'],
  validations: [{ step: 1, checks: 'SetChargingProfileRequest for the configured EVSE: TxProfile with the transactionId of the ongoing transaction' }],
  detects: ['tx-profile-without-transaction-id', 'charging-profile-wrong-purpose', 'smart-charging-wrong-evse', 'ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    const transactionId = stationOf(ctx).transaction?.transactionId;
    if (transactionId === undefined) ctx.inconclusive('no transaction is open after the before state EnergyTransferStarted');
    await ctx.step('Steps 1-2: the CSMS sends SetChargingProfileRequest (TxProfile for the transaction), answered Accepted', async () => {
      const r = await setChargingProfile(ctx, profileParams(ctx, { evseId: ctx.config.evseId, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative', transactionId, limit: limitIn(v.chargingRateUnit, 6) }));
      checkEvse(ctx, r, ctx.config.evseId, 1);
      checkProfile(ctx, profileOf(r), 'chargingProfile', { purpose: 'TxProfile', transactionId }, { step: 1, frames: r.frames, seenWallMs: r.seenWallMs });
    });
  },
});
