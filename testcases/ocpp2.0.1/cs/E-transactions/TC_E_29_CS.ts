/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_29_CS — Check Transaction status, transaction with
 * id ongoing, with messages queued: meter values queued while offline; asked at once after the
 * reconnection, the station says the transaction is ongoing and has messages queued (Part 2
 * E14.FR.02, E14.FR.04), then sends them offline true. See queue-status.ts.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkQueued, checkStatus, queuedEvents } from './offline-queue.js';
import { askStatusAfterOffline } from './queue-status.js';

export default defineTestCase({
  id: 'TC_E_29_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Check Transaction status - Transaction with id ongoing - with message in queue',
  useCases: ['E14'],
  requirements: ['E14.FR.02', 'E14.FR.04'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 4, checks: 'GetTransactionStatusResponse ongoingIndicator true, messagesInQueue true' },
    { step: 5, checks: 'the queued TransactionEvents: eventType Updated, meterValue present, offline true' },
  ],
  detects: ['queue-not-reported', 'ongoing-reported-ended'],
  async run(ctx) {
    const run = await askStatusAfterOffline(ctx, true);
    await ctx.step('Step 4: the GetTransactionStatusResponse', () => Promise.resolve(checkStatus(ctx, run.status, { step: 4, ongoing: true, queued: true })));
    await ctx.step('Steps 5-6: the station empties its queue', async () => {
      const queued = await queuedEvents(ctx, run.back, { step: 5 });
      checkQueued(ctx, queued, { step: 5, eventType: 'Updated', meterValues: true });
    });
  },
});
