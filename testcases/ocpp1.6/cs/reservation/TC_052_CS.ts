/**
 * OCPP 1.6 TC_052_CS — Cancel Reservation - Rejected. OCTT 1.6 document §2.20.3: with a
 * reservation made (reusable state Reserved), CancelReservation.req for a reservationId the charge
 * point does not hold is Rejected (1.6 §5.3, §7.8) and the reservation stays.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { reservedState } from '../_shared/reusable-states.js';
import { send } from '../local-auth-list/local-list.js';
import { newReservationId } from './reservation.js';

export default defineTestCase({
  id: 'TC_052_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Reservation',
  title: 'Cancel Reservation - Rejected',
  useCases: ['Cancel Reservation'],
  requirements: ['OCPP 1.6 §5.3', 'OCPP 1.6 §7.8'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  applies: { item: 'FP-Reservation' },
  states: ['Booted'],
  validations: [{ step: 2, checks: 'CancelReservation.conf status Rejected for a reservationId other than the one of the Reserved state' }],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_052_CS step 1 validates an own message of the Central System (CancelReservation.req with a reservationId that does not match the Reserved one); the harness sends it so: nothing of the charge point to judge' },
  ],
  detects: ['cancel-unknown-reservation-accepted'],
  async run(ctx) {
    const reservationId = newReservationId();
    await reservedState(ctx, { reservationId });
    await ctx.step('Steps 1-2: CancelReservation.req for another reservationId: Rejected', async () => {
      const answer = await send(ctx, 'CancelReservation', { reservationId: reservationId + 1 });
      ctx.check('CancelReservation.conf status is Rejected', answer.payload?.['status'] === 'Rejected', { expected: 'Rejected', actual: answer.words, frames: answer.frames, step: 2 });
    });
  },
});
