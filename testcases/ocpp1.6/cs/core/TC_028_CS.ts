/**
 * OCPP 1.6 TC_028_CS — Remote Stop Transaction - Rejected (OCTT 1.6 document Table 33): with a
 * transaction ongoing (reusable state Charging), a RemoteStopTransaction.req for an unknown
 * transactionId is Rejected (step 2). OCPP 1.6 §5.12: only the transaction with that id may stop,
 * so the ongoing one must go on — a charge point that stops whatever runs, ignoring the id, fails.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectNone, fromNow, ongoingTransaction } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_028_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Remote Actions Non-Happy Flow',
  title: 'Remote Stop Transaction – Rejected',
  useCases: ['Remote Stop Transaction'],
  requirements: ['OCPP 1.6 §5.12'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted', 'Charging'],
  validations: [
    { step: 2, checks: 'RemoteStopTransaction.req for the unknown transactionId … (… ongoing): Rejected, the trans' },
  ],
  detects: ['accepts-remote-stop-unknown-tx', 'remote-stop-ignores-id'],
  async run(ctx) {
    const ongoing = ongoingTransaction(ctx, ctx.config.connectorId);
    if (ongoing === undefined) ctx.inconclusive('the transactionId of the ongoing transaction (state Charging) is not known');
    // <Unknown transactionId>: any id but the ongoing one.
    const transactionId = ongoing === 2_000_000_001 ? 2_000_000_002 : 2_000_000_001;
    await ctx.step(`Steps 1-2: RemoteStopTransaction.req for the unknown transactionId ${transactionId} (${ongoing} ongoing): Rejected, the transaction goes on`, async () => {
      fromNow(ctx);
      const since = ctx.cursor();
      await ctx.callExpect('RemoteStopTransaction', { transactionId }, { match: { status: 'Rejected' } });
      await expectNone(ctx, 'StopTransaction', since);
    });
  },
});
