/**
 * OCPP 1.6 TC_038_CS — Offline Stop Transaction (OCTT 1.6 document §2.14.5): the driver stops
 * the transaction while the charge point is offline; once the connection is back the queued
 * StopTransaction.req (reason Local or omitted, 1.6 §4.10, §3.7) and the Finishing status come,
 * in either order ("Steps 1 and 3 may be reversed").
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, noteTransactionEnded, ongoingTransaction, presentIdTag } from '../_shared/charge-point.js';
import { checkLocalStopReason, removeConnectivity, restoreConnectivity } from './_states-extra.js';

export default defineTestCase({
  id: 'TC_038_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Offline behavior Non-Happy Flow',
  title: 'Offline Stop Transaction',
  useCases: ['Stop Transaction', 'Status Notification'],
  requirements: ['OCPP 1.6 §4.10', 'OCPP 1.6 §3.7'],
  certification: [{ profile: 'Core', need: 'M' }],
  // Prerequisite: "The Charge Point supports local stop transaction."
  applies: { item: 'HW-LocalStop' },
  states: ['Booted', 'Charging'],
  validations: [
    { step: 1, checks: 'after the reconnection: StopTransaction.req of the transaction, reason Local or omitted' },
    { step: 3, checks: 'StatusNotification.req Finishing' },
  ],
  detects: ['offline-stop-lost', 'wrong-stop-reason'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const transactionId = ongoingTransaction(ctx, connectorId);
    if (transactionId === undefined) ctx.inconclusive('the transactionId of the ongoing transaction is not known');
    await ctx.step('Remove connectivity; the EV driver stops the transaction offline (idTag)', async () => {
      await removeConnectivity(ctx);
      await presentIdTag(ctx, ctx.config.idTokens.valid.idToken, connectorId);
    });
    await ctx.step('Restore connectivity', () => restoreConnectivity(ctx));
    await ctx.step('Steps 1-4: StopTransaction.req (Local or omitted) and StatusNotification.req Finishing, either order', async () => {
      const [stop, sn] = await ctx.expectAll([{ action: 'StopTransaction' }, { action: 'StatusNotification', match: { connectorId } }], { anyOrder: 'OCTT 1.6 TC_038_CS: "Steps 1 and 3 may be reversed"', step: 1 });
      noteTransactionEnded(ctx, connectorId);
      ctx.check('transactionId is the ongoing one', stop?.payload['transactionId'] === transactionId, { expected: transactionId, actual: stop?.payload['transactionId'], frames: framesOf(stop), step: 1 });
      checkLocalStopReason(ctx, stop, 1);
      ctx.check('status is Finishing', sn?.payload['status'] === 'Finishing', { expected: 'Finishing', actual: sn?.payload['status'], frames: framesOf(sn), step: 3 });
    });
  },
});
