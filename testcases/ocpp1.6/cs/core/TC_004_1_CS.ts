/**
 * OCPP 1.6 TC_004_1_CS — Regular Charging Session - Identification First. Derived from OCPP 1.6
 * edition 2 §4.1, §4.8 and §4.9 (an accepted idTag without a cable: Preparing; the cable then
 * starts the transaction), in the shape of 2.0.1 Part 6 TC_E_03_CS (authorized first).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectChargingStatus, framesOf, noteTransaction, noteTransactionEnded, plugIn, presentIdTag, status, unplug } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_004_1_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Start Charging Session',
  title: 'Regular Charging Session – Identification First',
  useCases: ['Authorize', 'Start Transaction', 'Status Notification'],
  requirements: ['OCPP 1.6 §4.1', 'OCPP 1.6 §4.8', 'OCPP 1.6 §4.9'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 5, checks: 'StatusNotification.req Charging (SuspendedEV/SuspendedEVSE pass with a warning)' },
  ],
  waivers: [
    { step: 4, reason: 'OCTT 1.6 document TC_004_1_CS step 4 validates an own message of the Central System (StartTransaction.conf idTagInfo.status Accepted); the harness plays the Central System and sends it so (the configured valid idTag is Accepted in the token table of the run): there is nothing of the charge point to judge in it' },
  ],
  detects: ['no-authorize', 'no-status-on-plug'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;

    await ctx.step('Before: clear the authorization cache (the idTag must be authorized online)', async () => {
      await ctx.callExpect('ClearCache', {}, { match: { status: 'Accepted' } });
    });
    await ctx.step('Present a valid idTag: Authorize.req, StatusNotification.req Preparing', async () => {
      await presentIdTag(ctx, idTag, connectorId);
      await ctx.expectAll([{ action: 'Authorize', match: { idTag } }, { action: 'StatusNotification', match: status(connectorId, 'Preparing') }]);
    });
    await ctx.step('Plug in the cable: StartTransaction.req with the idTag, status Charging', async () => {
      await plugIn(ctx, connectorId);
      const mark = ctx.cursor();
      const start = await ctx.expectCall('StartTransaction', { match: { connectorId } });
      ctx.check('StartTransaction.req idTag is the presented one', start.payload['idTag'] === idTag, { expected: idTag, actual: start.payload['idTag'], frames: framesOf(start) });
      await noteTransaction(ctx, start);
      await expectChargingStatus(ctx, connectorId, { from: mark });
    });
    await ctx.step('End: present the idTag again and unplug (StopTransaction.req, Finishing, Available)', async () => {
      await presentIdTag(ctx, idTag, connectorId);
      await ctx.expectAll([{ action: 'StopTransaction' }, { action: 'StatusNotification', match: status(connectorId, 'Finishing') }]);
      noteTransactionEnded(ctx, connectorId);
      await unplug(ctx, connectorId);
      await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Available') });
    });
  },
});
