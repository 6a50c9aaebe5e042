/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_23_CS — Reserve a specific EVSE - Replace reservation.
 * A reservation for the configured valid idToken holds the configured EVSE (memory state); a ReserveNow
 * with the same id for the second valid idToken replaces it (Accepted, Part 2 H01.FR.02), the connector
 * stays (or is reported again) Reserved, and the second idToken then charges there.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { journalEnd } from '../_shared/journal.js';
import { newReservationId, prepare, reserveNow, validToken2 } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_23_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Reserve a specific EVSE - Replace reservation',
  useCases: ['H01'],
  requirements: ['H01.FR.02'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  validations: [
    { step: 2, checks: 'ReserveNowResponse status Accepted for the same id and the second idToken' },
    { step: 3, checks: 'the configured connector reported Reserved (the report of the first reservation counts: a replacement changes no status)' },
  ],
  detects: ['reservation-not-replaced'],
  async run(ctx) {
    await prepare(ctx);
    const id = newReservationId();
    const evseId = ctx.config.evseId;
    const token2 = validToken2(ctx);
    const from = journalEnd(ctx);
    await ctx.step(`Memory state: a reservation (id ${id}) for the configured valid idToken on EVSE ${evseId}`, () => ctx.state('Reserved', { reservationId: id }));
    await ctx.step('Steps 1-2: ReserveNow with the same id for the second valid idToken, answered Accepted', () => reserveNow(ctx, { id, evseId, idToken: token2 }, 'Accepted', 2));
    await ctx.step('Step 3: the configured connector is Reserved', async () => {
      await expectConnectorStatus(ctx, 'Reserved', { evseId, connectorId: ctx.config.connectorId }, { from, step: 3 });
    });
    await ctx.step('Step 3: Authorized with the second valid idToken', () => ctx.state('Authorized', { idToken: token2 }));
    await ctx.step('Step 4: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted', { idToken: token2 }));
  },
});
