/**
 * OCPP 1.6 TC_049_CS — Reservation of a Charge Point - Transaction. OCTT 1.6 document §2.20.2:
 * with ReserveConnectorZeroSupported true and every connector but the configured one Unavailable,
 * the charge point as a whole (connectorId 0) is reserved for the configured valid idTag (1.6
 * §5.13): a connector is reported Reserved, and the transaction the harness then starts on the
 * configured connector (reusable state Charging) carries the idTag and the reservationId (§4.8).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalMark, quietMs } from '../_shared/charge-point.js';
import { chargingState } from '../_shared/reusable-states.js';
import { checkReserveStatus, checkStartTakesReservation, expectStatus, newReservationId, otherConnectorsUnavailable, reserveNow, startFrom } from './reservation.js';

export default defineTestCase({
  id: 'TC_049_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Reservation',
  title: 'Reservation of a Charge Point - Transaction',
  useCases: ['Reserve Now', 'Remote Start Transaction'],
  requirements: ['OCPP 1.6 §5.13', 'OCPP 1.6 §4.8', 'OCPP 1.6 §9.1 ReserveConnectorZeroSupported'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  applies: { all: [{ item: 'FP-Reservation' }, { item: 'CFG-ReserveConnectorZeroSupported' }] },
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'ReserveNow.conf status Accepted' },
    { step: 3, checks: 'StatusNotification.req status Reserved (for the connector the charge point holds)' },
    { step: 5, checks: 'the StartTransaction.req of the Charging state names the idTag and the reservationId of the ReserveNow.req' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_049_CS step 1 validates an own message of the Central System (ReserveNow.req connectorId 0); the harness sends it so: nothing of the charge point to judge' },
  ],
  detects: ['rejects-connector-zero-reservation', 'no-reservation-id-in-start'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    await otherConnectorsUnavailable(ctx);
    const idTag = ctx.config.idTokens.valid.idToken;
    const reservationId = newReservationId();
    await ctx.step('Steps 1-4: ReserveNow.req connectorId 0: Accepted, StatusNotification.req Reserved', async () => {
      const answer = await reserveNow(ctx, { connectorId: 0, idTag, reservationId });
      checkReserveStatus(ctx, answer, 'Accepted', 2);
      const sn = await expectStatus(ctx, 'Reserved', 3);
      // 1.6 §5.13 does not say which connector reports Reserved for a reservation of connector 0:
      // when another one did, give the configured connector a moment to report it too.
      if (sn.payload['connectorId'] !== connectorId) await ctx.maybeCall('StatusNotification', { match: { connectorId, status: 'Reserved' }, withinMs: quietMs(ctx) });
    });
    const mark = journalMark(ctx);
    // The Charging state's steps 3 / 7 depend on whether the configured connector itself is Reserved
    // (a charge point may report the reservation of connector 0 on connector 0 only): derived from its last StatusNotification.req.
    await ctx.step('Step 5: charging for the reserved idTag (reusable state Charging)', () => chargingState(ctx, { connectorId, idTag, authorizeOptional: 'OCTT 1.6 document TC_049_CS step 5 "Charging (Sending an Authorize.req is optional)"' }));
    await ctx.step('Step 5: the StartTransaction.req takes up the reservation', async () => {
      checkStartTakesReservation(ctx, startFrom(ctx, mark), idTag, reservationId, 5);
    });
  },
});
