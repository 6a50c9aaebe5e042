/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_55_CSMS: the EV's schedule exceeds the CSMS's limits (Part 2
 * K15-K17): the EV's charging needs go to the CSMS (Accepted), it sends a TxProfile for the
 * transaction; the EV answers with a schedule above that profile's limits, which the CSMS must
 * reject; after the rate change it sends a new TxProfile, and the EV's schedule within that one is
 * accepted.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { acceptProfiles, chargingNeeds, evScheduleFrom, expectTxProfile, rateChanged, sendEvSchedule } from './iso15118.js';

export default defineTestCase({
  id: 'TC_K_55_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Charging with load leveling based on High Level Communication - EV charging profile exceeds limits',
  useCases: ['K15', 'K16', 'K17'],
  requirements: ['K15.FR.12', 'K15.FR.13', 'K16.FR.07', 'K16.FR.08', 'K17.FR.12', 'K17.FR.13'],
  certification: [{ profile: 'ISO 15118 Support', need: 'M' }],
  states: ['Authorized', 'EVConnectedPreSession'],
  validations: [
    { step: 2, checks: 'NotifyEVChargingNeedsResponse status Accepted' },
    { step: 3, checks: 'SetChargingProfileRequest for the configured EVSE: TxProfile with the transactionId of the transaction' },
    { step: 6, checks: 'NotifyEVChargingScheduleResponse status Rejected for the schedule above the limits' },
    { step: 9, checks: 'the new SetChargingProfileRequest: configured EVSE, TxProfile, the transactionId of the transaction' },
    { step: 12, checks: 'NotifyEVChargingScheduleResponse status Accepted for the schedule within the new profile' },
  ],
  detects: ['ev-schedule-always-accepted', 'ev-charging-needs-rejected', 'ev-charging-needs-no-profile', 'tx-profile-without-transaction-id'],
  async run(ctx) {
    acceptProfiles(ctx);
    let since = ctx.cursor();
    await ctx.step('Steps 1-2: the station sends the EV charging needs; Accepted', async () => {
      const answer = await ctx.callExpect('NotifyEVChargingNeeds', chargingNeeds(ctx), { describe: 'a NotifyEVChargingNeedsResponse' });
      ctx.check('NotifyEVChargingNeedsResponse.status is Accepted', answer['status'] === 'Accepted', { expected: 'Accepted', actual: answer['status'] ?? 'absent', step: 2 });
    });
    const first = await ctx.step('Steps 3-4: the CSMS sends a TxProfile for the transaction, answered Accepted', () => expectTxProfile(ctx, 3, true, since));
    since = ctx.cursor();
    await ctx.step('Steps 5-6: the EV schedule exceeds the profile\'s limits; the CSMS rejects it', () => sendEvSchedule(ctx, evScheduleFrom(first, 2), 'Rejected', 6));
    await ctx.step('Steps 7-8: TransactionEvent ChargingStateChanged, Charging', () => rateChanged(ctx, 'ChargingStateChanged'));
    const second = await ctx.step('Steps 9-10: the CSMS sends a new TxProfile for the transaction, answered Accepted', () => expectTxProfile(ctx, 9, true, since));
    await ctx.step('Steps 11-12: the EV schedule within the new profile; the CSMS accepts it', () => sendEvSchedule(ctx, evScheduleFrom(second), 'Accepted', 12));
    await ctx.step('Steps 13-14: TransactionEvent ChargingRateChanged', () => rateChanged(ctx, 'ChargingRateChanged'));
  },
});
