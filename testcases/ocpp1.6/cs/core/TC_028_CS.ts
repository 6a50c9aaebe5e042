/**
 * OCPP 1.6 TC_028_CS — Remote Stop Transaction - Rejected. Derived from OCPP 1.6 edition 2 §5.12
 * (Accepted only when a transaction with that transactionId is ongoing): a stop of a transaction
 * the charge point does not have is Rejected. No direct 2.0.1 Part 6 counterpart.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectNone, fromNow } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_028_CS',
  version: '1.6',
  sut: 'cs',
  block: '12 Remote Actions (Non-Happy Flow)',
  title: 'Remote Stop Transaction - Rejected',
  useCases: ['Remote Stop Transaction'],
  requirements: ['OCPP 1.6 §5.12'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  detects: ['accepts-remote-stop-unknown-tx'],
  async run(ctx) {
    // No transaction is ongoing (general precondition), so no transactionId is known to it.
    const transactionId = 2_000_000_001;
    await ctx.step(`RemoteStopTransaction.req for transactionId ${transactionId} (none ongoing): Rejected`, async () => {
      fromNow(ctx);
      const since = ctx.cursor();
      await ctx.callExpect('RemoteStopTransaction', { transactionId }, { match: { status: 'Rejected' } });
      await expectNone(ctx, 'StopTransaction', since);
    });
  },
});
