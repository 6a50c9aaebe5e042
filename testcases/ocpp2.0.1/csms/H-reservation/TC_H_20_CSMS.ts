/**
 * OCPP 2.0.1 Part 6 §3.9 (H Reservation), TC_H_20_CSMS — Charging Station cancels reservation when
 * Faulted. The CSMS reserves the configured EVSE (ReserveNow answered Accepted, connectors reported
 * Reserved); the station then reports them Faulted and, having cancelled the reservation itself
 * (Part 2 H01.FR.17: a reserved EVSE that becomes inoperative loses its reservation), sends
 * ReservationStatusUpdate Removed for the id of that ReserveNow, which the CSMS must answer.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { reportEvse, reserveSpecificEvse } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_20_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'H',
  title: 'Charging Station cancels reservation when Faulted',
  useCases: ['H01'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  states: ['Idle'],
  validations: [{ step: 1, checks: 'ReserveNowRequest: evseId the configured one, no connectorType, the configured valid idToken' }],
  detects: ['reservation-removed-error', 'reserve-now-without-evse'],
  async run(ctx) {
    let id: unknown;
    await ctx.step('Steps 1-2: the CSMS sends ReserveNow for the configured EVSE, answered Accepted', async () => {
      id = (await reserveSpecificEvse(ctx, 1)).payload['id'];
    });
    await ctx.step('Steps 3-4: the connectors are reported Reserved', () => reportEvse(ctx, 'Reserved'));
    await ctx.step('Steps 5-6: the connectors are reported Faulted', () => reportEvse(ctx, 'Faulted'));
    await ctx.step('Steps 7-8: ReservationStatusUpdate Removed, answered by the CSMS', async () => {
      await ctx.callExpect('ReservationStatusUpdate', { reservationId: typeof id === 'number' ? id : 0, reservationUpdateStatus: 'Removed' });
    });
  },
});
