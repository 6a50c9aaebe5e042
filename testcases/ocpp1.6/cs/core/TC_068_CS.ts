/**
 * OCPP 1.6 TC_068_CS — Stop transaction - IdTag in StopTransaction matches IdTag in StartTransaction
 * (OCTT 1.6 document §2.3.1): from the reusable state Charging, a different valid idTag (the
 * configured Valid IdTag 2, of another parentIdTag) does not stop the transaction (step 1); the
 * idTag that started it does: StopTransaction.req with that idTag (step 3) and Finishing (step 5),
 * in either order. Prerequisite: other connectors behind the same RFID reader are occupied.
 */
import { defineTestCase, tokenStatus } from '../../../../src/engine/authoring.js';
import { expectNone, framesOf, journalMark, noteTransactionEnded, plugIn, presentIdTag } from '../_shared/charge-point.js';
import { configuredValidIdTag2, otherConnectorsBehindReader } from '../_shared/configured.js';
import { chargingState } from '../_shared/reusable-states.js';

export default defineTestCase({
  id: 'TC_068_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Stop Charging Session',
  title: 'Stop transaction - IdTag in StopTransaction matches IdTag in StartTransaction',
  useCases: ['Stop Transaction', 'Authorize'],
  requirements: ['OCPP 1.6 §3.5.3', 'OCPP 1.6 §4.10'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 3, checks: 'StopTransaction.req idTag is the idTag that started the transaction' },
    { step: 5, checks: 'StatusNotification.req Finishing, before or after the StopTransaction.req' },
  ],
  detects: ['stops-on-any-idtag', 'no-stop-transaction'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    const idTag2 = configuredValidIdTag2(ctx);
    // Valid IdTag 2 is a card of its own: Accepted, without the parentIdTag of the first one.
    ctx.respond('Authorize', (call) => {
      const tag = typeof call.payload['idTag'] === 'string' ? call.payload['idTag'] : undefined;
      return { idTagInfo: tag === idTag2 ? { status: 'Accepted' } : { status: tokenStatus(ctx.config, tag), parentIdTag: ctx.config.groupId } };
    });
    for (const other of otherConnectorsBehindReader(ctx)) {
      await ctx.step(`Prerequisite: occupy connector ${other}, which shares the RFID reader`, () => plugIn(ctx, other));
    }
    await ctx.step('Before: reusable state Charging', () => chargingState(ctx, { connectorId, idTag }));
    await ctx.step('Steps 1-2: Valid IdTag 2 presented: the transaction goes on (no StopTransaction.req)', async () => {
      const since = journalMark(ctx);
      await presentIdTag(ctx, idTag2, connectorId);
      await expectNone(ctx, 'StopTransaction', since);
      // The document's scenario has no Authorize.req here either; 1.6 §3.5.3 lets a charge point ask
      // for the parentIdTag of another card, so one is a compatibility note, not a failure.
      const auth = ctx.journal().find((e) => e.index >= since && e.kind === 'callIn' && e.action === 'Authorize');
      ctx.check('no Authorize.req for Valid IdTag 2 (OCTT expects none)', auth === undefined, { expected: 'none', actual: auth ? 'Authorize.req' : 'none', severity: 'warning' });
    });
    await ctx.step('Steps 3-6: the idTag that started it presented: StopTransaction.req with that idTag, StatusNotification.req Finishing', async () => {
      await presentIdTag(ctx, idTag, connectorId);
      const [stop, sn] = await ctx.expectAll([{ action: 'StopTransaction' }, { action: 'StatusNotification', match: { connectorId }, describe: `connectorId ${connectorId}` }], {
        anyOrder: 'OCTT 1.6 TC_068_CS: "Step 3 and step 5 may be reversed"',
        step: 3,
      });
      noteTransactionEnded(ctx, connectorId);
      ctx.check('StopTransaction.req idTag is the one that started the transaction', stop?.payload['idTag'] === idTag, { expected: idTag, actual: stop?.payload['idTag'] ?? 'absent', frames: framesOf(stop), step: 3 });
      ctx.check('status is Finishing', sn?.payload['status'] === 'Finishing', { expected: 'Finishing', actual: sn?.payload['status'], frames: framesOf(sn), step: 5 });
    });
  },
});
