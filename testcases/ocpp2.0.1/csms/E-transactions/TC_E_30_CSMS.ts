/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_30_CSMS: during a charging session the CSMS asks the status of the
 * ongoing transaction (GetTransactionStatusRequest with its transactionId); the simulated station
 * answers ongoing, no messages queued.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationOf } from '../_shared/station.js';
import { transactionStatusAsked } from './support.js';

export default defineTestCase({
  id: 'TC_E_30_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Check Transaction status - Transaction with id ongoing - without message in queue',
  useCases: ['E14'],
  requirements: ['E14.FR.02', 'E14.FR.05'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: C-16, the CSMS checks the transaction status.
  applies: { item: 'C-16' },
  states: ['EnergyTransferStarted'],
  validations: [{ step: 1, checks: 'GetTransactionStatusRequest.transactionId is the transaction of the before state' }],
  detects: ['transaction-status-wrong-id'],
  async run(ctx) {
    const transactionId = stationOf(ctx).transaction?.transactionId;
    if (transactionId === undefined) ctx.inconclusive('no transaction is open after the before state EnergyTransferStarted');
    await ctx.step('The CSMS sends GetTransactionStatusRequest; ongoing, nothing queued (steps 1-2)', async () => {
      await transactionStatusAsked(ctx, { transactionId, answer: { ongoingIndicator: true, messagesInQueue: false }, step: 1 });
    });
  },
});
