/**
 * OCPP 1.6 TC_051_CS — Cancel Reservation. OCTT 1.6 document §2.20.3: the reservation of the
 * reusable state Reserved is cancelled (1.6 §5.3, §7.8 Accepted), the connector is reported
 * Available again and a transaction with <Configured Valid IdTag 2> starts without a reservationId
 * (§4.8: the field names a reservation the transaction takes up; there is none any more).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalMark } from '../_shared/charge-point.js';
import { configuredValidIdTag2 } from '../_shared/configured.js';
import { chargingState, reservedState } from '../_shared/reusable-states.js';
import { send } from '../local-auth-list/local-list.js';
import { acceptIdTag2, expectStatus, forgetReservation, newReservationId, startFrom } from './reservation.js';

export default defineTestCase({
  id: 'TC_051_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Reservation',
  title: 'Cancel Reservation',
  useCases: ['Cancel Reservation'],
  requirements: ['OCPP 1.6 §5.3', 'OCPP 1.6 §7.8', 'OCPP 1.6 §4.8'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  applies: { item: 'FP-Reservation' },
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'CancelReservation.conf status Accepted' },
    { step: 3, checks: 'StatusNotification.req status Available for the reserved connector' },
    { step: 5, checks: 'the StartTransaction.req of the Charging state with Valid IdTag 2 has no reservationId' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_051_CS step 1 validates an own message of the Central System (CancelReservation.req with the reservationId of the Reserved state); the harness sends it so: nothing of the charge point to judge' },
  ],
  detects: ['cancel-reservation-ignored'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag2 = configuredValidIdTag2(ctx);
    acceptIdTag2(ctx, idTag2);
    const reservationId = newReservationId();
    await reservedState(ctx, { reservationId });
    await ctx.step('Steps 1-4: CancelReservation.req: Accepted, StatusNotification.req Available', async () => {
      const answer = await send(ctx, 'CancelReservation', { reservationId });
      const ok = answer.payload?.['status'] === 'Accepted';
      if (ok) forgetReservation(ctx, reservationId);
      ctx.check('CancelReservation.conf status is Accepted', ok, { expected: 'Accepted', actual: answer.words, frames: answer.frames, step: 2 });
      await expectStatus(ctx, 'Available', 3, connectorId);
    });
    const mark = journalMark(ctx);
    await ctx.step('Step 5: reusable state Charging with Valid IdTag 2', () => chargingState(ctx, { connectorId, idTag: idTag2 }));
    await ctx.step('Step 5: the StartTransaction.req has no reservationId', async () => {
      const payload = startFrom(ctx, mark);
      ctx.check('StartTransaction.req omits reservationId', payload !== undefined && payload['reservationId'] === undefined, { expected: 'no reservationId', actual: payload ? JSON.stringify(payload['reservationId'] ?? 'none') : 'no StartTransaction.req', step: 5 });
    });
  },
});
