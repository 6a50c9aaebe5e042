/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_31_CSMS: the simulated station loses its connection during a
 * charging session; offline the driver stops, the EV is unplugged and the transaction ends. Back
 * online it reports the connector Available and sends the Ended event first (offline, seqNo two
 * ahead); the CSMS asks the status of that transaction (ended, messages queued) and then takes the
 * two queued Updated events with the skipped seqNos, which belong to a transaction it saw ended.
 * (Part 6 labels the GetTransactionStatus validation "Step 5"; it is the request of step 7.)
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { reportStatus, stationOf, transactionDurationMs } from '../_shared/station.js';
import { answerTransactionStatus, loseConnection, sendQueuedEvent, transactionStatusAsked } from './support.js';

export default defineTestCase({
  id: 'TC_E_31_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Check Transaction status - Transaction with id ended - with message in queue',
  useCases: ['E14'],
  requirements: ['E14.FR.03', 'E14.FR.04'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: C-16, the CSMS checks the transaction status.
  applies: { item: 'C-16' },
  states: ['EnergyTransferStarted'],
  detects: ['rejects-events-after-ended', 'transaction-status-wrong-id', 'offline-event-error'],
  async run(ctx) {
    const station = stationOf(ctx);
    const tx = station.transaction;
    if (tx === undefined) return ctx.inconclusive('no transaction is open after the before state EnergyTransferStarted');
    // What happened while offline, in order: stop authorized, charging stopped, EV unplugged (transaction ended).
    const offlineAt = ctx.clock.wallMs();
    const at = (ms: number): string => new Date(offlineAt + ms).toISOString();
    const first = tx.seqNo;
    const answer = { ongoingIndicator: false, messagesInQueue: true };
    answerTransactionStatus(ctx, answer);
    const since = ctx.journal().length;
    await ctx.step('The connection is lost and comes back after the transaction duration (steps 1-2)', () => loseConnection(ctx, transactionDurationMs(ctx)));
    await ctx.step('The connector is Available (steps 3-4)', async () => {
      station.evConnected = false;
      await reportStatus(ctx, ctx.config.evseId, ctx.config.connectorId, 'Available');
    });
    await ctx.step('The queued TransactionEvent Ended, offline, seqNo two ahead (steps 5-6)', async () => {
      await sendQueuedEvent(ctx, tx, { seqNo: first + 2, eventType: 'Ended', triggerReason: 'EVCommunicationLost', chargingState: 'Idle', stoppedReason: 'EVDisconnected', timestamp: at(3) });
      station.transaction = undefined;
    });
    await ctx.step('The CSMS sends GetTransactionStatusRequest; ended, messages queued (steps 7-8)', async () => {
      await transactionStatusAsked(ctx, { transactionId: tx.transactionId, answer, since });
    });
    await ctx.step('The queued TransactionEvent Updated, StopAuthorized, first skipped seqNo (steps 9-10)', async () => {
      await sendQueuedEvent(ctx, tx, { seqNo: first, eventType: 'Updated', triggerReason: 'StopAuthorized', timestamp: at(1) });
    });
    await ctx.step('The queued TransactionEvent Updated, EVConnected, second skipped seqNo (steps 11-12)', async () => {
      await sendQueuedEvent(ctx, tx, { seqNo: first + 1, eventType: 'Updated', triggerReason: 'ChargingStateChanged', chargingState: 'EVConnected', timestamp: at(2) });
    });
  },
});
