/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_30_CS — Check Transaction status, transaction with
 * id ongoing, nothing queued. During the energy transfer, with every TransactionEvent answered, the
 * station says the transaction is ongoing and holds no messages for it (Part 2 E14.FR.02, E14.FR.05).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { openTransactionId, waitQuiet } from '../_shared/journal.js';
import { ready } from '../_shared/case-support.js';
import { checkStatus } from './offline-queue.js';

export default defineTestCase({
  id: 'TC_E_30_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Check Transaction status - Transaction with id ongoing - without message in queue',
  useCases: ['E14'],
  requirements: ['E14.FR.02', 'E14.FR.05'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 2, checks: 'GetTransactionStatusResponse ongoingIndicator true, messagesInQueue false' }],
  detects: ['ongoing-reported-ended'],
  async run(ctx) {
    await ready(ctx);
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    const transactionId = openTransactionId(ctx);
    if (transactionId === undefined) ctx.inconclusive('the station reported no ongoing transaction');
    await ctx.step('Steps 1-2: GetTransactionStatus with the transactionId of the Before', async () => {
      // Every TransactionEvent answered and none in flight: nothing can be queued.
      await waitQuiet(ctx, 300, ctx.config.messageTimeoutMs);
      const res = await ctx.callExpect('GetTransactionStatus', { transactionId });
      checkStatus(ctx, res, { step: 2, ongoing: true, queued: false });
    });
  },
});
