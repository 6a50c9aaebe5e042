/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_57_CSMS: renegotiation started by the EV (Part 2 K17): after
 * ISO15118SmartCharging the EV gives new charging needs; the CSMS answers Accepted or Processing
 * and sends a new TxProfile for the transaction on the configured EVSE; the EV's schedule within it
 * is accepted.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { acceptProfiles, evScheduleFrom, expectTxProfile, iso15118SmartCharging, rateChanged, sendChargingNeeds, sendEvSchedule } from './iso15118.js';

export default defineTestCase({
  id: 'TC_K_57_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Renegotiating a Charging Schedule - Initiated by EV',
  useCases: ['K17'],
  requirements: ['K17.FR.02', 'K17.FR.03', 'K17.FR.05', 'K17.FR.07', 'K17.FR.11'],
  certification: [{ profile: 'ISO 15118 Support', need: 'M' }],
  states: ['Authorized', 'EVConnectedPreSession'],
  validations: [
    { step: 2, checks: 'NotifyEVChargingNeedsResponse status Accepted or Processing' },
    { step: 5, checks: 'SetChargingProfileRequest for the configured EVSE: TxProfile with the transactionId of the transaction' },
    { step: 8, checks: 'NotifyEVChargingScheduleResponse status Accepted' },
  ],
  detects: ['ev-charging-needs-rejected', 'ev-charging-needs-no-profile', 'tx-profile-without-transaction-id'],
  async run(ctx) {
    await ctx.step('Reusable state ISO15118SmartCharging', () => iso15118SmartCharging(ctx, {}));
    acceptProfiles(ctx);
    const since = ctx.cursor();
    await ctx.step('Steps 1-2: the EV gives new charging needs; Accepted or Processing', () => sendChargingNeeds(ctx, 2));
    await ctx.step('Steps 3-4: TransactionEvent ChargingRateChanged', () => rateChanged(ctx, 'ChargingRateChanged'));
    const profile = await ctx.step('Steps 5-6: the CSMS sends a new TxProfile for the transaction, answered Accepted', () => expectTxProfile(ctx, 5, true, since));
    await ctx.step('Steps 7-8: the station sends the EV schedule within it; the CSMS accepts it', () => sendEvSchedule(ctx, evScheduleFrom(profile), 'Accepted', 8));
    await ctx.step('Steps 9-10: TransactionEvent ChargingRateChanged', () => rateChanged(ctx, 'ChargingRateChanged'));
  },
});
