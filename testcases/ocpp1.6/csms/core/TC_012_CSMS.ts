/**
 * TC_012_CSMS Remote Stop Charging Session (OCTT 1.6 document §3.4.4, Table 127; OCPP 1.6 §5.12
 * RemoteStopTransaction, §4.10 StopTransaction, §4.9 StatusNotification).
 *
 * While charging (reusable state Charging) the operator makes the Central System stop the
 * transaction remotely. A request for the ongoing transaction is one the Charge Point accepts
 * (step 2); it stops with reason Remote (step 3), goes Finishing (step 5) and, unplugged,
 * Available (step 7). The Central System must answer each.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { chargePoint, checkReply, remoteStopAnswer, statusNotification, stopTransaction, triggeredCall } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_012_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Remote actions Happy flow',
  title: 'Remote Stop Charging Session',
  requirements: ['OCPP 1.6 §5.12', 'OCPP 1.6 §4.10'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Charging'],
  validations: [
    { step: 2, checks: 'RemoteStopTransaction.req names the ongoing transaction, so the Charge Point answers Accepted' },
    { step: 3, checks: 'StopTransaction.req reason Remote answered' },
    { step: 5, checks: 'StatusNotification.req Finishing answered' },
    { step: 7, checks: 'StatusNotification.req Available answered' },
  ],
  detects: ['ignores-trigger', 'remote-stop-wrong-transaction', 'transaction-ended-error'],
  async run(ctx) {
    const tx = chargePoint(ctx).transaction;
    if (tx === undefined) return ctx.inconclusive('the Charging state left no open transaction');
    await ctx.step('Steps 1-2: RemoteStopTransaction.req for the ongoing transaction → Accepted', async () => {
      const call = await triggeredCall(ctx, { action: 'RemoteStopTransaction', trigger: 'triggerRequestStopTransaction', params: { transactionId: tx.transactionId }, answer: (c) => remoteStopAnswer(ctx, c.payload), step: 2 });
      ctx.check('RemoteStopTransaction.req transactionId is the ongoing transaction', call.payload.transactionId === tx.transactionId, { expected: tx.transactionId, actual: call.payload.transactionId ?? 'absent', frames: call.frames, step: 2 });
      checkReply(ctx, 'RemoteStopTransaction', call.reply, 'Accepted', call.frames, 2);
    });
    await ctx.step('Steps 3-4: StopTransaction.req reason Remote → answered', async () => {
      await stopTransaction(ctx, 'Remote', { step: 3 });
    });
    await ctx.step('Steps 5-6: StatusNotification.req Finishing → answered', async () => {
      await statusNotification(ctx, tx.connectorId, 'Finishing', 'NoError', { step: 5 });
    });
    await ctx.step('Steps 7-8: cable unplugged, StatusNotification.req Available → answered', async () => {
      await statusNotification(ctx, tx.connectorId, 'Available', 'NoError', { step: 7 });
    });
  },
});
