/**
 * OCPP 1.6 TC_028_CS — Remote Stop Transaction - Rejected (OCTT 1.6 document Table 33): with a
 * transaction ongoing (reusable state Charging), a RemoteStopTransaction.req for an unknown
 * transactionId is Rejected (step 2). OCPP 1.6 §5.12: only the transaction with that id may stop,
 * so the ongoing one must go on — a charge point that stops whatever runs, ignoring the id, fails.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectNone, fromNow } from '../_shared/charge-point.js';
import { chargingState } from '../_shared/reusable-states.js';

export default defineTestCase({
  id: 'TC_028_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Remote Actions Non-Happy Flow',
  title: 'Remote Stop Transaction – Rejected',
  useCases: ['Remote Stop Transaction'],
  requirements: ['OCPP 1.6 §5.12'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'RemoteStopTransaction.conf status Rejected for an unknown transactionId; the ongoing transaction is not stopped' },
  ],
  detects: ['accepts-remote-stop-unknown-tx', 'remote-stop-ignores-id'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const ongoing = await ctx.step('Before: reusable state Charging', () => chargingState(ctx, { connectorId }));
    if (ongoing === undefined) return ctx.inconclusive('the transactionId of the ongoing transaction (state Charging) is not known');
    // <Unknown transactionId>: any id but the ongoing one.
    const transactionId = ongoing === 2_000_000_001 ? 2_000_000_002 : 2_000_000_001;
    await ctx.step(`Steps 1-2: RemoteStopTransaction.req for the unknown transactionId ${transactionId} (${ongoing} ongoing): Rejected, the transaction goes on`, async () => {
      fromNow(ctx);
      const since = ctx.cursor();
      const res = await ctx.call('RemoteStopTransaction', { transactionId });
      const answer = res.status === 'result' ? res.payload['status'] : res.status;
      ctx.check('RemoteStopTransaction.conf status is Rejected', answer === 'Rejected', { expected: 'Rejected', actual: answer, step: 2 });
      // Rejected means not carried out: the ongoing transaction, which is not the one named, must not stop.
      await expectNone(ctx, 'StopTransaction', since);
    });
    return undefined;
  },
});
