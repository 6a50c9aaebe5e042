/**
 * TC_012_CSMS Remote Stop Charging Session (OCPP 1.6 edition 2 §5.12 RemoteStopTransaction,
 * §4.10 StopTransaction, §4.9 StatusNotification; shape of 2.0.1 Part 6 TC_E_21_CSMS, with the
 * EVDisconnected state spelled in 1.6 messages).
 *
 * While energy flows, the operator makes the Central System stop the transaction remotely. The
 * request must name the ongoing transaction; the harness accepts, stops with reason Remote (the
 * Central System must answer the StopTransaction), goes Finishing and, once unplugged, Available.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { answerWith, chargePoint, statusNotification, stopTransaction } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_012_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Remote actions Happy flow',
  title: 'Remote Stop Charging Session',
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted', 'Charging'],
  validations: [
    { step: 2, checks: 'RemoteStopTransaction for the ongoing transaction → Accepted' },
    { step: 3, checks: 'StopTransaction with reason Remote → answered' },
    { step: 5, checks: 'StatusNotification Finishing' },
    { step: 7, checks: 'Cable unplugged: StatusNotification Available' },
  ],
  detects: ['ignores-trigger', 'remote-stop-wrong-transaction', 'transaction-ended-error'],
  async run(ctx) {
    const tx = chargePoint(ctx).transaction;
    if (tx === undefined) return ctx.inconclusive('the Charging state left no open transaction');
    await ctx.step('1-2. RemoteStopTransaction for the ongoing transaction → Accepted', async () => {
      // §5.12: a Charge Point accepts only a stop for a transaction it has; answer like one.
      void answerWith(ctx, 'RemoteStopTransaction', (call) => ({ status: call.payload.transactionId === tx.transactionId ? 'Accepted' : 'Rejected' }));
      await ctx.dut('triggerRequestStopTransaction', { transactionId: tx.transactionId });
      const call = await ctx.expectCall('RemoteStopTransaction');
      ctx.check('RemoteStopTransaction.req transactionId is the ongoing transaction', call.payload.transactionId === tx.transactionId, {
        expected: tx.transactionId,
        actual: call.payload.transactionId ?? 'absent',
        frames: call.frameSeq === undefined ? [] : [call.frameSeq],
      });
    });
    await ctx.step('3-4. StopTransaction with reason Remote → answered', async () => {
      await stopTransaction(ctx, 'Remote');
    });
    await ctx.step('5-6. StatusNotification Finishing', async () => {
      await statusNotification(ctx, tx.connectorId, 'Finishing');
    });
    await ctx.step('7-8. Cable unplugged: StatusNotification Available', async () => {
      await statusNotification(ctx, tx.connectorId, 'Available');
    });
  },
});
