/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_31_CS — Check Transaction status, transaction with
 * id ended, with messages queued. The transaction ends while the OCTT keeps the station offline
 * (the same idToken when the scenario is local, then the EV disconnected); asked at once after the
 * reconnection, the station says the transaction is not ongoing but has messages queued for it
 * (Part 2 E14.FR.03, E14.FR.04), then sends the events of the session's end.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { openTransactionId, sessionOf } from '../_shared/journal.js';
import { acceptReconnect, checkStatus, closeAndRefuse, holdTransactionEvents, meterSettings, offlineValues, queuedEvents } from './offline-queue.js';
import { checkOfflineSession, endSessionOffline, stopsLocally } from './offline-stop.js';

const items = (...ids: string[]): Array<{ item: string }> => ids.map((item) => ({ item }));

export default defineTestCase({
  id: 'TC_E_31_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Check Transaction status - Transaction with id ended - with message in queue',
  useCases: ['E14'],
  requirements: ['E14.FR.03', 'E14.FR.04'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: not (no local start authorization C-30..C-35, no stop point C-10.1/3/4/5 and no C-06.2).
  applies: { not: { all: [{ not: { any: items('C-30', 'C-31', 'C-32', 'C-33', 'C-34', 'C-35') } }, { not: { any: items('C-10.1', 'C-10.3', 'C-10.4', 'C-10.5') } }, { not: { item: 'C-06.2' } }] } },
  validations: [
    { step: 2, checks: 'GetTransactionStatusResponse ongoingIndicator false, messagesInQueue true' },
    { step: 3, checks: 'the queued TransactionEvents of the session end: offline true, one Ended, seqNo without gaps' },
  ],
  detects: ['queue-not-reported', 'ended-reported-ongoing'],
  async run(ctx) {
    await ready(ctx);
    const v = offlineValues(ctx);
    const backOffS = v.retryBackOffS + v.transactionDurationS;
    await configure(ctx, [
      ...meterSettings(v),
      { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', value: String(backOffS + 60) },
      { component: 'OCPPCommCtrlr', variable: 'RetryBackOffWaitMinimum', value: String(backOffS) },
      { component: 'OCPPCommCtrlr', variable: 'RetryBackOffRandomRange', value: '0' },
    ]);
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    const transactionId = openTransactionId(ctx);
    if (transactionId === undefined) ctx.inconclusive('the station reported no ongoing transaction');
    const token = sessionOf(ctx, ctx.config.evseId).idToken ?? ctx.config.idTokens.valid;
    const release = holdTransactionEvents(ctx);
    await ctx.step('The OCTT closes the connection and refuses reconnects', () => closeAndRefuse(ctx, 'Part 6 TC_E_31_CS: offline while the transaction ends'));
    await ctx.step(`Manual actions: ${stopsLocally(ctx) ? 'present the same idToken, ' : ''}disconnect the EV, drive out; wait ${v.transactionDurationS} s`, async () => {
      await endSessionOffline(ctx, stopsLocally(ctx) ? token : undefined);
      await ctx.sleep(v.transactionDurationS * 1000);
    });
    let back = { acceptedWallMs: 0, from: 0 };
    await ctx.step('The OCTT accepts the reconnection; steps 1-2: GetTransactionStatus at once', async () => {
      back = await acceptReconnect(ctx);
      try {
        const res = await ctx.callExpect('GetTransactionStatus', { transactionId });
        checkStatus(ctx, res, { step: 2, ongoing: false, queued: true });
      } finally {
        release();
      }
    });
    await ctx.step('Steps 3-4: the station empties its queue', async () => {
      const queued = await queuedEvents(ctx, back, { step: 3 });
      checkOfflineSession(ctx, queued, { step: 3, transactionId });
    });
    sessionOf(ctx, ctx.config.evseId).txEnded = true;
  },
});
