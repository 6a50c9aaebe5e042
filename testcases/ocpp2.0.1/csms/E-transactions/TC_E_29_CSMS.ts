/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_29_CSMS: the simulated station loses its connection during a
 * charging session and comes back after the configured transaction duration with a queued event.
 * The CSMS asks the status of that transaction (GetTransactionStatusRequest with its transactionId);
 * the station answers ongoing, messages queued, and delivers the queued Updated event (offline).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { sendTransactionEvent, stationOf, transactionDurationMs } from '../_shared/station.js';
import { answerTransactionStatus, loseConnection, sampledEnergy, transactionStatusAsked } from './support.js';

export default defineTestCase({
  id: 'TC_E_29_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Check Transaction status - Transaction with id ongoing - with message in queue',
  useCases: ['E14'],
  requirements: ['E14.FR.02', 'E14.FR.04'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: C-16, the CSMS checks the transaction status.
  applies: { item: 'C-16' },
  states: ['EnergyTransferStarted'],
  validations: [{ step: 3, checks: 'GetTransactionStatusRequest.transactionId is the transaction of the before state' }],
  detects: ['transaction-status-wrong-id', 'offline-event-error'],
  async run(ctx) {
    const transactionId = stationOf(ctx).transaction?.transactionId;
    if (transactionId === undefined) ctx.inconclusive('no transaction is open after the before state EnergyTransferStarted');
    const answer = { ongoingIndicator: true, messagesInQueue: true };
    answerTransactionStatus(ctx, answer);
    const since = ctx.journal().length;
    await ctx.step('The connection is lost and comes back after the transaction duration (steps 1-2)', () => loseConnection(ctx, transactionDurationMs(ctx)));
    await ctx.step('The CSMS sends GetTransactionStatusRequest; ongoing, messages queued (steps 3-4)', async () => {
      await transactionStatusAsked(ctx, { transactionId, answer, since, step: 3 });
    });
    await ctx.step('The queued TransactionEvent Updated, offline, with meter values (steps 5-6)', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'MeterValuePeriodic', offline: true, meterValue: sampledEnergy(ctx, 1200) });
    });
  },
});
