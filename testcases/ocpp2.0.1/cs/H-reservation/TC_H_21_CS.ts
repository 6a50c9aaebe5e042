/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_21_CS — Charging Station cancels reservation when
 * Unavailable. The configured EVSE is Reserved (memory state); ChangeAvailability Inoperative for it is
 * Accepted, its connector reported Unavailable, and the station removes the reservation
 * (ReservationStatusUpdate Removed, Part 2 H01.FR.17); Operative again is Accepted, the connector
 * Available, and the second valid idToken charges there.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { frames, journalEnd } from '../_shared/journal.js';
import { framesOf, newReservationId, prepare, validToken2 } from './reservation-support.js';

async function changeAvailability(ctx: TestContext, operationalStatus: 'Operative' | 'Inoperative', step: number): Promise<void> {
  const out = await ctx.call('ChangeAvailability', { operationalStatus, evse: { id: ctx.config.evseId } });
  const actual = out.status === 'result' ? out.payload['status'] : out.status;
  ctx.check(`ChangeAvailabilityResponse status (${operationalStatus})`, actual === 'Accepted', { expected: 'Accepted', actual: actual ?? 'absent', frames: framesOf(ctx, out.messageId), step });
}

export default defineTestCase({
  id: 'TC_H_21_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Charging Station cancels reservation when Unavailable',
  useCases: ['H01'],
  requirements: ['H01.FR.17'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  validations: [
    { step: 2, checks: 'ChangeAvailabilityResponse (Inoperative) status Accepted' },
    { step: 3, checks: 'the connector of the EVSE reported Unavailable' },
    { step: 5, checks: 'ReservationStatusUpdate with the reservationId and reservationUpdateStatus Removed' },
    { step: 8, checks: 'ChangeAvailabilityResponse (Operative) status Accepted' },
    { step: 9, checks: 'the connector of the EVSE reported Available' },
  ],
  detects: ['reservation-kept-when-unusable'],
  async run(ctx) {
    await prepare(ctx);
    const reservationId = newReservationId();
    const where = { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId };
    await ctx.step(`Memory state: EVSE ${where.evseId} is Reserved (reservationId ${reservationId})`, () => ctx.state('Reserved', { reservationId }));
    const from = journalEnd(ctx);
    await ctx.step('Steps 1-2: ChangeAvailability Inoperative for the EVSE, answered Accepted', () => changeAvailability(ctx, 'Inoperative', 2));
    await ctx.step('Steps 3-4: the connector is reported Unavailable', () => expectConnectorStatus(ctx, 'Unavailable', where, { from, step: 3 }).then(() => undefined));
    await ctx.step('Steps 5-6: ReservationStatusUpdate Removed', async () => {
      const update = await ctx.expectCall('ReservationStatusUpdate', { from, match: (p) => p['reservationId'] === reservationId, describe: `a ReservationStatusUpdate for reservation ${reservationId}`, step: 5 });
      ctx.check('ReservationStatusUpdate reservationUpdateStatus', update.payload['reservationUpdateStatus'] === 'Removed', { expected: 'Removed', actual: update.payload['reservationUpdateStatus'] ?? 'absent', frames: frames(update), step: 5 });
    });
    const back = journalEnd(ctx);
    await ctx.step('Steps 7-8: ChangeAvailability Operative for the EVSE, answered Accepted', () => changeAvailability(ctx, 'Operative', 8));
    await ctx.step('Steps 9-10: the connector is reported Available', () => expectConnectorStatus(ctx, 'Available', where, { from: back, step: 9 }).then(() => undefined));
    await ctx.step('Step 11: Authorized with the second valid idToken', () => ctx.state('Authorized', { idToken: validToken2(ctx) }));
    await ctx.step('Step 12: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted', { idToken: validToken2(ctx) }));
  },
});
