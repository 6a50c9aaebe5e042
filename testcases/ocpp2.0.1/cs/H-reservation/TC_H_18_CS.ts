/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_18_CS — Cancel reservation of an EVSE - Rejected. With
 * no reservation of that id (the harness never generates id 1), CancelReservation reservationId 1
 * must be answered Rejected (Part 2 H02.FR.01).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { callStatus, prepare } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_18_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Cancel reservation of an EVSE - Rejected',
  useCases: ['H02'],
  requirements: ['H02.FR.01'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  validations: [{ step: 2, checks: 'CancelReservationResponse status Rejected' }],
  detects: ['cancel-unknown-reservation-accepted'],
  async run(ctx) {
    await prepare(ctx);
    await ctx.step('Steps 1-2: CancelReservation reservationId 1, answered Rejected', () => callStatus(ctx, 'CancelReservation', { reservationId: 1 }, 'Rejected', 2));
  },
});
