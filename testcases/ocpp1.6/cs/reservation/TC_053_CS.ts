/**
 * OCPP 1.6 TC_053_CS — Use a reserved Connector with parentIdTag. OCTT 1.6 document §2.20.4:
 * the configured connector is reserved for the configured valid idTag with parentIdTag
 * <Configured ParentId> (the run's groupId); another card of that parentIdTag (Valid IdTag 2: the
 * configured same-group card, else `extra.validIdTag2` answered with that parentIdTag) takes the
 * reservation up (1.6 §5.13): its StartTransaction.req names the reservationId (§4.8).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, journalMark, plugIn } from '../_shared/charge-point.js';
import { configuredValidIdTag2 } from '../_shared/configured.js';
import { authorizedState } from '../_shared/reusable-states.js';
import { acceptIdTag2, checkReserveStatus, checkStartTakesReservation, expectStatus, newReservationId, otherConnectorsUnavailable, reserveNow, startFrom } from './reservation.js';

export default defineTestCase({
  id: 'TC_053_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Reservation',
  title: 'Use a reserved Connector with parentIdTag',
  useCases: ['Reserve Now', 'Start Transaction'],
  requirements: ['OCPP 1.6 §5.13', 'OCPP 1.6 §4.8', 'OCPP 1.6 §3.5.3'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  applies: { item: 'FP-Reservation' },
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'ReserveNow.conf status Accepted' },
    { step: 3, checks: 'StatusNotification.req status Reserved' },
    { step: 5, checks: 'the StartTransaction.req of the card with the reservation\'s parentIdTag names the reservationId' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_053_CS step 1 validates an own message of the Central System (ReserveNow.req idTag and parentIdTag <Configured ParentId>); the harness sends it so: nothing of the charge point to judge' },
  ],
  detects: ['reservation-group-id-ignored'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const parentIdTag = ctx.config.groupId;
    const sameGroup = ctx.config.idTokens.validSameGroup?.idToken;
    const idTag2 = sameGroup ?? configuredValidIdTag2(ctx);
    if (sameGroup === undefined) acceptIdTag2(ctx, idTag2, parentIdTag);
    await otherConnectorsUnavailable(ctx);
    const reservationId = newReservationId();
    await ctx.step('Steps 1-4: ReserveNow.req with parentIdTag: Accepted, StatusNotification.req Reserved', async () => {
      const answer = await reserveNow(ctx, { connectorId, idTag: ctx.config.idTokens.valid.idToken, parentIdTag, reservationId });
      checkReserveStatus(ctx, answer, 'Accepted', 2);
      await expectStatus(ctx, 'Reserved', 3, connectorId);
    });
    const mark = journalMark(ctx);
    await ctx.step('Step 5: reusable state Authorized with Valid IdTag 2 (same parentIdTag)', () => authorizedState(ctx, { connectorId, idTag: idTag2 }));
    await ctx.step('Steps 6-10: plug in: StartTransaction.req with the reservationId', async () => {
      fromNow(ctx);
      await plugIn(ctx, connectorId);
      await ctx.expectCall('StartTransaction', { match: { connectorId } });
      // OCTT 1.6 document TC_053_CS validates only the reservationId of this StartTransaction.req (its
      // idTag is not checked, unlike TC_046 / TC_049).
      checkStartTakesReservation(ctx, startFrom(ctx, mark), undefined, reservationId, 5);
    });
  },
});
