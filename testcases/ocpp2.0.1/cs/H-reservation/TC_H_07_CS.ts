/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_07_CS — Reserve a specific EVSE - Reservation Ended /
 * not used. The configured EVSE is Reserved until <Configured expiryDateTime> (Part 6: 60 s; here
 * `reservationExpiryS`, see reservation-support.ts); when it passes, the connector is reported
 * Available and a ReservationStatusUpdate Expired for the reservation arrives (either order: Part 2
 * H04 orders neither), then the second valid idToken charges there (Authorized, EnergyTransferStarted).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { frames, journalEnd } from '../_shared/journal.js';
import { expiryIn, newReservationId, prepare, reservationExpiryS, validToken2 } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_07_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Reserve a specific EVSE - Reservation Ended / not used',
  useCases: ['H01', 'H04'],
  requirements: ['H04.FR.01', 'H04.FR.02', 'H04.FR.03'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  validations: [
    { step: 1, checks: 'after the expiry the configured connector is reported Available (StatusNotification or NotifyEvent AvailabilityState)' },
    { step: 3, checks: 'ReservationStatusUpdate with the reservationId and reservationUpdateStatus Expired' },
  ],
  detects: ['reservation-ignores-expiry'],
  async run(ctx) {
    await prepare(ctx);
    const reservationId = newReservationId();
    const expiryS = reservationExpiryS(ctx);
    const where = { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId };
    const from = journalEnd(ctx);
    await ctx.step(`Memory state: EVSE ${where.evseId} Reserved for ${expiryS} s`, () => ctx.state('Reserved', { reservationId, expiryDateTime: expiryIn(ctx, expiryS) }));
    const after = journalEnd(ctx);
    const withinMs = expiryS * 1000 + ctx.config.toleranceMs + ctx.config.messageTimeoutMs;
    await ctx.step('Steps 1-2: after the expiry the connector is reported Available', async () => {
      await expectConnectorStatus(ctx, 'Available', where, { from: after, withinMs, step: 1 });
    });
    await ctx.step('Steps 3-4: ReservationStatusUpdate Expired', async () => {
      const update = await ctx.expectCall('ReservationStatusUpdate', { from, withinMs, match: (p) => p['reservationId'] === reservationId, describe: `a ReservationStatusUpdate for reservation ${reservationId}`, step: 3 });
      ctx.check('ReservationStatusUpdate reservationUpdateStatus', update.payload['reservationUpdateStatus'] === 'Expired', { expected: 'Expired', actual: update.payload['reservationUpdateStatus'] ?? 'absent', frames: frames(update), step: 3 });
    });
    await ctx.step('Step 5: Authorized with the second valid idToken', () => ctx.state('Authorized', { idToken: validToken2(ctx) }));
    await ctx.step('Step 6: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted', { idToken: validToken2(ctx) }));
  },
});
