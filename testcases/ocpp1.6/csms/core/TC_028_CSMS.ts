/**
 * TC_028_CSMS Remote Stop Transaction - Rejected (OCTT 1.6 document §3.9.2, Table 141; OCPP 1.6
 * §5.12 RemoteStopTransaction: Rejected for a transactionId the Charge Point does not have).
 *
 * While charging (reusable state Charging) the operator makes the Central System stop a
 * transaction the Charge Point does not know. The request must carry that transactionId, so the
 * Charge Point answers Rejected (step 2) and its own transaction goes on.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { chargePoint, checkReply, remoteStopAnswer, triggeredCall } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_028_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Remote Actions Non-Happy Flow',
  title: 'Remote Stop Transaction – Rejected',
  requirements: ['OCPP 1.6 §5.12'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Charging'],
  validations: [{ step: 2, checks: 'RemoteStopTransaction.req names the unknown transactionId, so the Charge Point answers Rejected' }],
  detects: ['ignores-trigger', 'remote-stop-ongoing-only'],
  async run(ctx) {
    const tx = chargePoint(ctx).transaction;
    if (tx === undefined) return ctx.inconclusive('the Charging state left no open transaction');
    // A transactionId the Central System never handed out to this Charge Point.
    const unknownId = tx.transactionId + 100_000;
    await ctx.step('Steps 1-2: RemoteStopTransaction.req for an unknown transactionId → Rejected', async () => {
      const call = await triggeredCall(ctx, { action: 'RemoteStopTransaction', trigger: 'triggerRequestStopTransaction', params: { transactionId: unknownId }, answer: (c) => remoteStopAnswer(ctx, c.payload), step: 2 });
      ctx.check('RemoteStopTransaction.req transactionId is the one asked for', call.payload.transactionId === unknownId, { expected: unknownId, actual: call.payload.transactionId ?? 'absent', frames: call.frames, step: 2 });
      checkReply(ctx, 'RemoteStopTransaction', call.reply, 'Rejected', call.frames, 2);
    });
  },
});
