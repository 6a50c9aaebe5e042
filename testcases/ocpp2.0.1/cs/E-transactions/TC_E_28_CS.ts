/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_28_CS — Check Transaction status, unknown id.
 * The harness asks about a transaction id the station never issued: it must say the transaction
 * is not ongoing and that it holds no queued messages for it (Part 2 E14.FR.01).
 */
import { randomUUID } from 'node:crypto';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';

export default defineTestCase({
  id: 'TC_E_28_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Check Transaction status - TransactionId unknown',
  useCases: ['E14'],
  requirements: ['E14.FR.01'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetTransactionStatus for a random transactionId' },
  ],
  detects: ['wrong-transaction-status'],
  async run(ctx) {
    await ready(ctx);
    await ctx.step('Steps 1-2: GetTransactionStatus for a random transactionId', async () => {
      // A fresh UUID (36 characters, the schema maximum): no station can have issued it.
      const transactionId = randomUUID();
      const res = await ctx.callExpect('GetTransactionStatus', { transactionId });
      // ongoingIndicator is only left out when no transactionId was asked about, so here it must be there and false.
      ctx.check('ongoingIndicator is false', res['ongoingIndicator'] === false, { expected: 'ongoingIndicator false', actual: res['ongoingIndicator'] ?? 'absent' });
      ctx.check('messagesInQueue is false', res['messagesInQueue'] === false, { expected: 'messagesInQueue false', actual: res['messagesInQueue'] ?? 'absent' });
    });
  },
});
