/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_59_CSMS: renegotiation started by the CSMS, the station sending the
 * EV's charging needs again (Part 2 K16.FR.12): after ISO15118SmartCharging the CSMS sends a new
 * TxProfile; the station passes the EV's needs; the CSMS answers Accepted or Processing and sends
 * another TxProfile; the EV's schedule within it is accepted.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationOf } from '../_shared/station.js';
import { acceptProfiles, evScheduleFrom, expectTxProfile, iso15118SmartCharging, rateChanged, sendChargingNeeds, sendEvSchedule } from './iso15118.js';
import { smartChargingValues } from './support.js';

export default defineTestCase({
  id: 'TC_K_59_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Renegotiating a Charging Schedule - Initiated by CSMS - Send NotifyEVChargingNeeds',
  useCases: ['K16'],
  requirements: ['K16.FR.12'],
  certification: [{ profile: 'ISO 15118 Support', need: 'M' }],
  states: ['Authorized', 'EVConnectedPreSession'],
  validations: [
    { step: 1, checks: 'SetChargingProfileRequest for the configured EVSE: TxProfile with the transactionId of the transaction' },
    { step: 4, checks: 'NotifyEVChargingNeedsResponse status Accepted or Processing' },
    { step: 5, checks: 'the second SetChargingProfileRequest: configured EVSE, TxProfile, the transactionId of the transaction' },
    { step: 8, checks: 'NotifyEVChargingScheduleResponse status Accepted' },
  ],
  detects: ['ev-charging-needs-rejected', 'ev-charging-needs-no-profile', 'tx-profile-without-transaction-id', 'ignores-trigger'],
  async run(ctx) {
    await ctx.step('Reusable state ISO15118SmartCharging', () => iso15118SmartCharging(ctx, {}));
    acceptProfiles(ctx);
    const v = smartChargingValues(ctx);
    await ctx.step('Steps 1-2: the CSMS sends a new TxProfile for the transaction, answered Accepted', async () => {
      const since = ctx.cursor();
      await ctx.dut('triggerSetChargingProfile', { evseId: ctx.config.evseId, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative', transactionId: stationOf(ctx).transaction?.transactionId, stackLevel: v.stackLevel, chargingRateUnit: 'A', limit: 10 });
      return expectTxProfile(ctx, 1, true, since);
    });
    const since = ctx.cursor();
    await ctx.step('Steps 3-4: the station sends the EV charging needs again; Accepted or Processing', () => sendChargingNeeds(ctx, 4));
    const profile = await ctx.step('Steps 5-6: the CSMS sends another TxProfile for the transaction, answered Accepted', () => expectTxProfile(ctx, 5, true, since));
    await ctx.step('Steps 7-8: the station sends the EV schedule within it; the CSMS accepts it', () => sendEvSchedule(ctx, evScheduleFrom(profile), 'Accepted', 8));
    await ctx.step('Steps 9-10: TransactionEvent ChargingRateChanged', () => rateChanged(ctx, 'ChargingRateChanged'));
  },
});
