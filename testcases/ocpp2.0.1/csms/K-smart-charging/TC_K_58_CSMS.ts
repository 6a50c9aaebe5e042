/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_58_CSMS: renegotiation started by the CSMS (Part 2 K16): after
 * ISO15118SmartCharging, the CSMS sends a new TxProfile for the transaction on the configured
 * EVSE; the EV's schedule within it is accepted and the station reports the rate change.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationOf } from '../_shared/station.js';
import { acceptProfiles, evScheduleFrom, expectTxProfile, iso15118SmartCharging, rateChanged, sendEvSchedule } from './iso15118.js';
import { smartChargingValues } from './support.js';

export default defineTestCase({
  id: 'TC_K_58_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Renegotiating a Charging Schedule - Initiated by CSMS',
  useCases: ['K16'],
  requirements: ['K16.FR.06'],
  certification: [{ profile: 'ISO 15118 Support', need: 'M' }],
  states: ['Authorized', 'EVConnectedPreSession'],
  validations: [
    { step: 1, checks: 'SetChargingProfileRequest for the configured EVSE: TxProfile with the transactionId of the transaction' },
    { step: 4, checks: 'NotifyEVChargingScheduleResponse status Accepted' },
  ],
  detects: ['tx-profile-without-transaction-id', 'smart-charging-wrong-evse', 'ev-charging-needs-rejected', 'ignores-trigger'],
  async run(ctx) {
    await ctx.step('Reusable state ISO15118SmartCharging', () => iso15118SmartCharging(ctx, {}));
    acceptProfiles(ctx);
    const v = smartChargingValues(ctx);
    const profile = await ctx.step('Steps 1-2: the CSMS sends a new TxProfile for the transaction, answered Accepted', async () => {
      const since = ctx.cursor();
      await ctx.dut('triggerSetChargingProfile', { evseId: ctx.config.evseId, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative', transactionId: stationOf(ctx).transaction?.transactionId, stackLevel: v.stackLevel, chargingRateUnit: 'A', limit: 10 });
      return expectTxProfile(ctx, 1, true, since);
    });
    await ctx.step('Steps 3-4: the station sends the EV schedule within it; the CSMS accepts it', () => sendEvSchedule(ctx, evScheduleFrom(profile), 'Accepted', 4));
    await ctx.step('Steps 5-6: TransactionEvent ChargingRateChanged', () => rateChanged(ctx, 'ChargingRateChanged'));
  },
});
