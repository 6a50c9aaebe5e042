/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_32_CS — Check Transaction status, transaction with
 * id ended, nothing queued. After a whole session (EnergyTransferStarted to ParkingBayUnoccupied)
 * with every TransactionEvent answered, the station says the transaction is no longer ongoing and
 * holds no messages for it (Part 2 E14.FR.03, E14.FR.05).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { transactionEvents, txInfo, ready } from '../_shared/case-support.js';
import { waitQuiet } from '../_shared/journal.js';
import { checkStatus } from './offline-queue.js';

export default defineTestCase({
  id: 'TC_E_32_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Check Transaction status - Transaction with id ended - without message in queue',
  useCases: ['E14'],
  requirements: ['E14.FR.03', 'E14.FR.05'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 2, checks: 'GetTransactionStatusResponse ongoingIndicator false, messagesInQueue false' }],
  detects: ['ended-reported-ongoing'],
  async run(ctx) {
    await ready(ctx);
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await ctx.step('Before: ParkingBayUnoccupied', () => ctx.state('ParkingBayUnoccupied'));
    const ended = transactionEvents(ctx).filter((e) => e.payload['eventType'] === 'Ended').at(-1);
    const transactionId = ended ? txInfo(ended).transactionId : undefined;
    if (transactionId === undefined) ctx.inconclusive('the station reported no ended transaction in the Before states');
    await ctx.step('Steps 1-2: GetTransactionStatus with the transactionId of the Before', async () => {
      await waitQuiet(ctx, 300, ctx.config.messageTimeoutMs);
      const res = await ctx.callExpect('GetTransactionStatus', { transactionId });
      checkStatus(ctx, res, { step: 2, ongoing: false, queued: false });
    });
  },
});
