/**
 * OCPP 2.0.1 Part 6 §3.9 (H Reservation), TC_H_17_CSMS — Cancel reservation of an EVSE - Success. The
 * CSMS reserves the configured EVSE (ReserveNow, answered Accepted, connectors reported Reserved), then
 * cancels it: its CancelReservationRequest must name the id of that ReserveNow; answered Accepted,
 * the connectors are reported Available.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, triggered } from '../_shared/station.js';
import { reportEvse, reserveSpecificEvse } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_17_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'H',
  title: 'Cancel reservation of an EVSE - Success',
  useCases: ['H02'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'ReserveNowRequest: evseId the configured one, no connectorType, the configured valid idToken' },
    { step: 5, checks: 'CancelReservationRequest.reservationId equals the id of the ReserveNowRequest' },
  ],
  detects: ['cancel-reservation-wrong-id', 'reserve-now-without-evse'],
  async run(ctx) {
    let id: unknown;
    await ctx.step('Steps 1-2: the CSMS sends ReserveNow for the configured EVSE, answered Accepted', async () => {
      id = (await reserveSpecificEvse(ctx, 1)).payload['id'];
    });
    await ctx.step('Steps 3-4: the connectors are reported Reserved', () => reportEvse(ctx, 'Reserved'));
    await ctx.step('Steps 5-6: the CSMS sends CancelReservation for that reservation, answered Accepted', async () => {
      const call = await triggered(ctx, { action: 'CancelReservation', trigger: 'triggerCancelReservation', params: typeof id === 'number' ? { reservationId: id } : {}, respond: () => ({ status: 'Accepted' }) });
      ctx.check('CancelReservationRequest.reservationId is the id of the ReserveNowRequest', call.payload['reservationId'] === id, { expected: id, actual: call.payload['reservationId'] ?? 'absent', frames: framesOf(call), step: 5 });
    });
    await ctx.step('Steps 7-8: the connectors are reported Available', () => reportEvse(ctx, 'Available'));
  },
});
