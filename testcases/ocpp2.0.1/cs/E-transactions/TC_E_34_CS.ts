/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_34_CS — Check Transaction status, without
 * transactionId, nothing queued. Asked about no transaction in particular, the station leaves
 * ongoingIndicator out and says no transaction message is queued (Part 2 E14.FR.06, E14.FR.08).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { waitQuiet } from '../_shared/journal.js';
import { checkStatus } from './offline-queue.js';

export default defineTestCase({
  id: 'TC_E_34_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Check Transaction status - Without transactionId - without message in queue',
  useCases: ['E14'],
  requirements: ['E14.FR.06', 'E14.FR.08'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 2, checks: 'GetTransactionStatusResponse without ongoingIndicator, messagesInQueue false' }],
  detects: ['ongoing-indicator-without-id'],
  async run(ctx) {
    await ready(ctx);
    await ctx.step('Steps 1-2: GetTransactionStatus without transactionId', async () => {
      // Nothing in flight: every message the station sent was answered.
      await waitQuiet(ctx, 300, ctx.config.messageTimeoutMs);
      const res = await ctx.callExpect('GetTransactionStatus', {});
      checkStatus(ctx, res, { step: 2, ongoing: 'omitted', queued: false });
    });
  },
});
