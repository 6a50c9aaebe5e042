/**
 * OCPP 1.6 TC_069_CS — Stop transaction - ParentIdTag in StopTransaction matches ParentIdTag in
 * StartTransaction (OCTT 1.6 document §2.3.2): from the reusable state Charging, another idTag
 * with the same parentIdTag is presented: Authorize.req of that idTag (step 1, answered Accepted
 * with the parentIdTag of the start), then StopTransaction.req naming it (step 3) and Finishing
 * (step 5), in either order (1.6 §3.5.3). Prerequisite: other connectors behind the same RFID
 * reader are occupied.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, noteTransactionEnded, plugIn, presentIdTag } from '../_shared/charge-point.js';
import { otherConnectorsBehindReader } from '../_shared/configured.js';
import { chargingState } from '../_shared/reusable-states.js';

export default defineTestCase({
  id: 'TC_069_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Stop Charging Session',
  title: 'Stop transaction - ParentIdTag in StopTransaction matches ParentIdTag in StartTransaction',
  useCases: ['Stop Transaction', 'Authorize'],
  requirements: ['OCPP 1.6 §3.5.3', 'OCPP 1.6 §4.10'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'Authorize.req idTag differs from the one that started the transaction' },
    { step: 3, checks: 'StopTransaction.req idTag is the idTag of step 1' },
    { step: 5, checks: 'StatusNotification.req Finishing, before or after the StopTransaction.req' },
  ],
  waivers: [
    { step: 2, reason: 'OCTT 1.6 document TC_069_CS step 2 validates an own message of the Central System (Authorize.conf Accepted with the parentIdTag of the start); the harness plays the Central System and answers every Accepted idTag with the configured groupId as parentIdTag, the one the StartTransaction.conf of the Charging state gave: there is nothing of the charge point to judge in it' },
  ],
  detects: ['ignores-parent-id-tag', 'stop-idtag-of-start'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    const other = ctx.config.idTokens.validSameGroup?.idToken;
    if (other === undefined) return ctx.inconclusive('no idTag of the same group is configured (idTokens.validSameGroup)');
    for (const c of otherConnectorsBehindReader(ctx)) {
      await ctx.step(`Prerequisite: occupy connector ${c}, which shares the RFID reader`, () => plugIn(ctx, c));
    }
    await ctx.step('Before: reusable state Charging', () => chargingState(ctx, { connectorId, idTag }));
    await ctx.step('Steps 1-2: an idTag of the same parentIdTag presented: Authorize.req', async () => {
      await presentIdTag(ctx, other, connectorId);
      const auth = await ctx.expectCall('Authorize', { step: 1 });
      ctx.check('Authorize.req idTag differs from the one that started the transaction', auth.payload['idTag'] !== idTag, { expected: `not ${idTag}`, actual: auth.payload['idTag'], frames: framesOf(auth), step: 1 });
    });
    await ctx.step('Steps 3-6: StopTransaction.req with that idTag, StatusNotification.req Finishing', async () => {
      const [stop, sn] = await ctx.expectAll([{ action: 'StopTransaction' }, { action: 'StatusNotification', match: { connectorId }, describe: `connectorId ${connectorId}` }], {
        anyOrder: 'OCTT 1.6 TC_069_CS: "Step 3 and step 5 may be reversed"',
        step: 3,
      });
      noteTransactionEnded(ctx, connectorId);
      ctx.check('StopTransaction.req idTag is the idTag of step 1', stop?.payload['idTag'] === other, { expected: other, actual: stop?.payload['idTag'] ?? 'absent', frames: framesOf(stop), step: 3 });
      ctx.check('status is Finishing', sn?.payload['status'] === 'Finishing', { expected: 'Finishing', actual: sn?.payload['status'], frames: framesOf(sn), step: 5 });
    });
    return undefined;
  },
});
