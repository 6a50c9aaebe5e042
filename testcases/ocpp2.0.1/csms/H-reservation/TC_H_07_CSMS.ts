/**
 * OCPP 2.0.1 Part 6 §3.9 (H Reservation), TC_H_07_CSMS — Reserve a specific EVSE - Reservation Ended /
 * not used. The CSMS reserves the configured EVSE (asked for an expiry of <Configured transaction
 * duration>, `extra.transactionDurationS`); the station reports its connectors Reserved, waits until the
 * request's expiryDateTime (at most the case's time budget allows), reports them Available and sends
 * ReservationStatusUpdate Expired for the reservation, which the CSMS must answer.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { reportEvse, reserveSpecificEvse } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_07_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'H',
  title: 'Reserve a specific EVSE - Reservation Ended / not used',
  useCases: ['H01', 'H04'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  states: ['Idle'],
  validations: [{ step: 1, checks: 'ReserveNowRequest: evseId the configured one, no connectorType, the configured valid idToken' }],
  detects: ['reserve-now-without-evse'],
  async run(ctx) {
    let id: unknown;
    let expiry = Number.NaN;
    await ctx.step('Steps 1-2: the CSMS sends ReserveNow for the configured EVSE, answered Accepted', async () => {
      const call = await reserveSpecificEvse(ctx, 1);
      id = call.payload['id'];
      expiry = Date.parse(typeof call.payload['expiryDateTime'] === 'string' ? call.payload['expiryDateTime'] : '');
    });
    await ctx.step('Steps 3-4: the connectors are reported Reserved', () => reportEvse(ctx, 'Reserved'));
    await ctx.step('Steps 5-6: after the expiryDateTime the connectors are reported Available', async () => {
      const budgetMs = Math.max(0, ctx.config.caseTimeoutMs / 2);
      const waitMs = Number.isNaN(expiry) ? 0 : Math.min(budgetMs, Math.max(0, expiry - ctx.clock.wallMs()));
      await ctx.sleep(waitMs);
      await reportEvse(ctx, 'Available');
    });
    await ctx.step('Steps 7-8: ReservationStatusUpdate Expired, answered by the CSMS', async () => {
      await ctx.callExpect('ReservationStatusUpdate', { reservationId: typeof id === 'number' ? id : 0, reservationUpdateStatus: 'Expired' });
    });
  },
});
