/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_34_CSMS: the CSMS asks whether any transaction messages are queued
 * (GetTransactionStatusRequest without transactionId); the simulated station answers no
 * (ongoingIndicator omitted).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { transactionStatusAsked } from './support.js';

export default defineTestCase({
  id: 'TC_E_34_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Check Transaction status - Without transactionId - without message in queue',
  useCases: ['E14'],
  requirements: ['E14.FR.06', 'E14.FR.08'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: C-16, the CSMS checks the transaction status.
  applies: { item: 'C-16' },
  states: ['Idle'],
  validations: [{ step: 1, checks: 'GetTransactionStatusRequest.transactionId is omitted' }],
  detects: ['transaction-status-with-id'],
  async run(ctx) {
    await ctx.step('The CSMS sends GetTransactionStatusRequest without transactionId; nothing queued (steps 1-2)', async () => {
      await transactionStatusAsked(ctx, { transactionId: undefined, answer: { messagesInQueue: false }, step: 1 });
    });
  },
});
