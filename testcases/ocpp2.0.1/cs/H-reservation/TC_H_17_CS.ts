/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_17_CS — Cancel reservation of an EVSE - Success. The
 * configured EVSE is Reserved (memory state); CancelReservation with its reservationId is Accepted
 * and the configured connector is reported Available again (Part 2 H02.FR.02).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { journalEnd } from '../_shared/journal.js';
import { callStatus, newReservationId, prepare } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_17_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Cancel reservation of an EVSE - Success',
  useCases: ['H02'],
  requirements: ['H02.FR.02'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  validations: [
    { step: 2, checks: 'CancelReservationResponse status Accepted' },
    { step: 3, checks: 'the configured connector reported Available (StatusNotification or NotifyEvent AvailabilityState)' },
  ],
  detects: ['cancel-reservation-ignored'],
  async run(ctx) {
    await prepare(ctx);
    const reservationId = newReservationId();
    await ctx.step(`Memory state: EVSE ${ctx.config.evseId} is Reserved (reservationId ${reservationId})`, () => ctx.state('Reserved', { reservationId }));
    const from = journalEnd(ctx);
    await ctx.step('Steps 1-2: CancelReservation for the reservation, answered Accepted', () => callStatus(ctx, 'CancelReservation', { reservationId }, 'Accepted', 2));
    await ctx.step('Steps 3-4: the configured connector is reported Available', async () => {
      await expectConnectorStatus(ctx, 'Available', { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId }, { from, step: 3 });
    });
  },
});
