/**
 * OCPP 1.6 TC_047_CS — Reservation of a Connector - Expire. OCTT 1.6 document §2.20.1: a
 * reservation whose expiryDate (now + <Configured Reservation Expiry Date Offset>, here
 * `extra.reservationExpiryS`) passes unused ends: the connector is reported Available again
 * (1.6 §5.13), and another valid idTag can then charge on it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configuredValidIdTag2 } from '../_shared/configured.js';
import { chargingState } from '../_shared/reusable-states.js';
import { acceptIdTag2, checkReserveStatus, expectStatus, expiryIn, forgetReservation, newReservationId, otherConnectorsUnavailable, reservationExpiryS, reserveNow } from './reservation.js';

export default defineTestCase({
  id: 'TC_047_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Reservation',
  title: 'Reservation of a Connector - Expire',
  useCases: ['Reserve Now'],
  requirements: ['OCPP 1.6 §5.13', 'OCPP 1.6 §7.39'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  applies: { item: 'FP-Reservation' },
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'ReserveNow.conf status Accepted' },
    { step: 3, checks: 'StatusNotification.req Reserved for the reserved connector' },
    { step: 5, checks: 'StatusNotification.req Available for the reserved connector after the expiryDate' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_047_CS step 1 validates an own message of the Central System (ReserveNow.req connectorId and expiryDate now + the configured offset); the harness sends it so: nothing of the charge point to judge' },
  ],
  detects: ['reservation-ignores-expiry'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag2 = configuredValidIdTag2(ctx);
    acceptIdTag2(ctx, idTag2);
    await otherConnectorsUnavailable(ctx);
    const expiryS = reservationExpiryS(ctx);
    const reservationId = newReservationId();
    await ctx.step(`Steps 1-4: ReserveNow.req expiring in ${expiryS} s: Accepted, StatusNotification.req Reserved`, async () => {
      const answer = await reserveNow(ctx, { connectorId, idTag: ctx.config.idTokens.valid.idToken, reservationId, expiryDate: expiryIn(ctx, expiryS) });
      checkReserveStatus(ctx, answer, 'Accepted', 2);
      await expectStatus(ctx, 'Reserved', 3, connectorId);
    });
    await ctx.step('Steps 5-6: the driver does not come: StatusNotification.req Available after the expiryDate', async () => {
      await expectStatus(ctx, 'Available', 5, connectorId, expiryS * 1000 + ctx.config.toleranceMs + ctx.config.messageTimeoutMs);
      forgetReservation(ctx, reservationId);
    });
    await ctx.step('Step 7: another valid idTag charges on the connector (reusable state Charging)', () => chargingState(ctx, { connectorId, idTag: idTag2 }));
  },
});
