/**
 * OCPP 1.6 TC_046_1_CS — Reservation of a Connector - Local start transaction. OCTT 1.6 document
 * §2.20.1: the configured connector is reserved for the configured valid idTag (1.6 §5.13) and
 * reported Reserved; another card presented there does not take it (the connector is not
 * Preparing for it); the reserved card does: Preparing, and after the plug-in a StartTransaction.req
 * with that idTag and the reservationId (§4.8), then Charging.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, fromNow, journalMark, noteTransaction, plugIn, presentIdTag } from '../_shared/charge-point.js';
import { configuredValidIdTag2 } from '../_shared/configured.js';
import { acceptIdTag2, checkReserveStatus, checkStartTakesReservation, expectStatus, newReservationId, otherConnectorsUnavailable, reserveNow } from './reservation.js';

export default defineTestCase({
  id: 'TC_046_1_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Reservation',
  title: 'Reservation of a Connector - Local start transaction',
  useCases: ['Reserve Now', 'Start Transaction'],
  requirements: ['OCPP 1.6 §5.13', 'OCPP 1.6 §4.8', 'OCPP 1.6 §7.39'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  applies: { item: 'FP-Reservation' },
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'ReserveNow.conf status Accepted' },
    { step: 3, checks: 'StatusNotification.req status Reserved' },
    { step: 5, checks: 'an Authorize.req sent after the reserved card was presented names the reserved idTag (the request is optional)' },
    { step: 7, checks: 'StatusNotification.req Preparing only after the reserved card (not after the other card)' },
    { step: 9, checks: 'StartTransaction.req carries the idTag and the reservationId of the ReserveNow.req' },
    { step: 11, checks: 'StatusNotification.req status Charging' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_046_1_CS step 1 validates an own message of the Central System (ReserveNow.req connectorId and idTag); the harness sends it so: nothing of the charge point to judge' },
    { step: 8, reason: 'OCTT 1.6 document TC_046_1_CS step 8 validates the Central System\'s own Authorize.conf (Accepted); the harness answers so: nothing of the charge point to judge' },
    { step: 10, reason: 'OCTT 1.6 document TC_046_1_CS step 10 validates the Central System\'s own StartTransaction.conf (Accepted); the harness answers so: nothing of the charge point to judge' },
  ],
  detects: ['reservation-accepts-other-idtoken', 'no-reservation-id-in-start'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    const idTag2 = configuredValidIdTag2(ctx);
    acceptIdTag2(ctx, idTag2);
    await otherConnectorsUnavailable(ctx);
    const reservationId = newReservationId();
    await ctx.step('Steps 1-4: ReserveNow.req: Accepted, StatusNotification.req Reserved', async () => {
      const answer = await reserveNow(ctx, { connectorId, idTag, reservationId });
      checkReserveStatus(ctx, answer, 'Accepted', 2);
      await expectStatus(ctx, 'Reserved', 3, connectorId);
    });
    const reservedAt = journalMark(ctx);
    await ctx.step('Another card (Valid IdTag 2) presented at the reserved connector: it does not take the reservation', async () => {
      await presentIdTag(ctx, idTag2, connectorId);
    });
    await ctx.step('Steps 5-8: the reserved card presented: optional Authorize.req with its idTag, StatusNotification.req Preparing', async () => {
      fromNow(ctx);
      const mark = journalMark(ctx);
      await presentIdTag(ctx, idTag, connectorId);
      const sn = await expectStatus(ctx, 'Preparing', 7, connectorId);
      const preparingBefore = ctx.journal().some((e) => e.index >= reservedAt && e.index < mark && e.kind === 'callIn' && e.action === 'StatusNotification' && e.payload['connectorId'] === connectorId && e.payload['status'] === 'Preparing');
      ctx.check('the connector was not Preparing for the other card', !preparingBefore, { expected: 'Reserved until the reserved card', actual: preparingBefore ? 'Preparing after Valid IdTag 2' : 'Reserved', frames: framesOf(sn), step: 7 });
      const auth = ctx.journal().filter((e) => e.index >= mark && e.kind === 'callIn' && e.action === 'Authorize').at(-1);
      if (auth && auth.kind === 'callIn') ctx.check('Authorize.req idTag is the reserved idTag', auth.payload['idTag'] === idTag, { expected: idTag, actual: auth.payload['idTag'], step: 5 });
    });
    await ctx.step('Steps 9-12: plug in: StartTransaction.req with idTag and reservationId, StatusNotification.req Charging', async () => {
      fromNow(ctx);
      await plugIn(ctx, connectorId);
      const [start, sn] = await ctx.expectAll(
        [{ action: 'StartTransaction' }, { action: 'StatusNotification', match: { connectorId, status: 'Charging' }, describe: `connectorId ${connectorId} Charging` }],
        { anyOrder: 'OCTT 1.6 §2.25 Charging: the StartTransaction.req and the Charging StatusNotification.req may come in either order' },
      );
      checkStartTakesReservation(ctx, start?.payload, idTag, reservationId, 9);
      if (start) await noteTransaction(ctx, start);
      ctx.check('StatusNotification.req status is Charging', sn?.payload['status'] === 'Charging', { expected: 'Charging', actual: sn?.payload['status'], frames: framesOf(sn), step: 11 });
    });
  },
});
