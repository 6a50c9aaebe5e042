/**
 * OCPP 1.6 TC_046_2_CS — Reservation of a Connector - Remote start transaction. OCTT 1.6 document
 * §2.20.1: the configured connector is reserved for the configured valid idTag (1.6 §5.13) and
 * reported Reserved; the transaction then started remotely for that idTag (reusable state
 * Charging) carries the idTag and the reservationId in its StartTransaction.req (§4.8).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalMark } from '../_shared/charge-point.js';
import { chargingState } from '../_shared/reusable-states.js';
import { checkReserveStatus, checkStartTakesReservation, expectStatus, newReservationId, reserveNow, startFrom } from './reservation.js';

export default defineTestCase({
  id: 'TC_046_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Reservation',
  title: 'Reservation of a Connector - Remote start transaction',
  useCases: ['Reserve Now', 'Remote Start Transaction'],
  requirements: ['OCPP 1.6 §5.13', 'OCPP 1.6 §4.8', 'OCPP 1.6 §5.11'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  applies: { item: 'FP-Reservation' },
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'ReserveNow.conf status Accepted' },
    { step: 3, checks: 'StatusNotification.req status Reserved' },
    { step: 5, checks: 'the StartTransaction.req of the Charging state names the idTag and the reservationId of the ReserveNow.req' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_046_2_CS step 1 validates an own message of the Central System (ReserveNow.req connectorId and idTag); the harness sends it so: nothing of the charge point to judge' },
  ],
  detects: ['no-reservation-id-in-start'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    const reservationId = newReservationId();
    await ctx.step('Steps 1-4: ReserveNow.req: Accepted, StatusNotification.req Reserved', async () => {
      const answer = await reserveNow(ctx, { connectorId, idTag, reservationId });
      checkReserveStatus(ctx, answer, 'Accepted', 2);
      await expectStatus(ctx, 'Reserved', 3, connectorId);
    });
    const mark = journalMark(ctx);
    await ctx.step('Step 5: charging for the reserved idTag (reusable state Charging)', () => chargingState(ctx, { connectorId, idTag, reserved: true, authorizeOptional: 'OCTT 1.6 document TC_046_2_CS step 5 "Charging (Sending an Authorize.req is optional)"' }));
    await ctx.step('Step 5: the StartTransaction.req takes up the reservation', async () => {
      checkStartTakesReservation(ctx, startFrom(ctx, mark), idTag, reservationId, 5);
    });
  },
});
