/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_16_CS — Stop transaction options, Deauthorized,
 * Invalid idToken (Part 2 E06 S3, C15.FR.04). TxStopPoint PowerPathClosed and/or Authorized,
 * StopTxOnInvalidId true: a transaction started offline with the (cached) valid idToken; back online
 * the queued TransactionEvents say offline true, the one with the idToken is answered Invalid, and
 * the station ends the transaction: Ended, Deauthorized, stoppedReason DeAuthorized.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { answerTokens, cached, tokenOf } from '../C-authorization/auth-support.js';
import { authConfiguration } from '../C-authorization/rejected-token.js';
import { journalMark, ready } from '../_shared/case-support.js';
import { sessionOf, targetOf } from '../_shared/journal.js';
import { anyOf, checkEvent, configurePoints } from './tx-points.js';

export default defineTestCase({
  id: 'TC_E_16_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Stop transaction options - Deauthorized - Invalid idToken',
  useCases: ['E06', 'C15'],
  requirements: ['E06.FR.04', 'E06.FR.15', 'C15.FR.04'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: (C-10.2 or C-10.3) and (C-30 - C-32 or ISO 15118 support) and C-01.
  applies: { all: [anyOf('C-10.2', 'C-10.3'), anyOf('C-30', 'C-31', 'C-32'), { item: 'C-01' }] },
  validations: [
    { step: 1, checks: 'the queued TransactionEvent(s) sent after the reconnection: offline true' },
    { step: 3, checks: 'TransactionEvent eventType Ended, triggerReason Deauthorized, stoppedReason DeAuthorized' },
  ],
  detects: ['starts-tx-for-invalid-token'],
  async run(ctx) {
    await ready(ctx);
    const token = tokenOf(ctx, 'valid');
    await configurePoints(
      ctx,
      [{ variable: 'TxStopPoint', needs: ['PowerPathClosed', 'Authorized'], excludes: ['EnergyTransfer', 'DataSigned'] }],
      [
        ...authConfiguration,
        { component: 'AuthCtrlr', variable: 'OfflineTxForUnknownIdEnabled', value: 'true', ifImplemented: true },
        { component: 'TxCtrlr', variable: 'StopTxOnInvalidId', value: 'true' },
      ],
    );
    await cached(ctx, token);
    // Step 2 note: the OCTT answers the TransactionEvent that carries the idToken with Invalid.
    answerTokens(ctx, { [token.idToken]: { status: 'Invalid' } });
    const mark = journalMark(ctx);
    await ctx.step('Before: StartOfflineTransaction', () => ctx.state('StartOfflineTransaction'));
    const queued = await ctx.step('Steps 1-2: the station empties its queue (offline true)', async () => {
      const te = await ctx.expectCall('TransactionEvent', { from: mark, withinMs: ctx.config.connectTimeoutMs + ctx.config.messageTimeoutMs, describe: 'the first queued TransactionEvent after the reconnection', step: 1 });
      checkEvent(ctx, te, { step: 1, offline: true });
      return te;
    });
    await ctx.step('Steps 3-4: the station deauthorizes the transaction', async () => {
      const te = await ctx.expectCall('TransactionEvent', {
        from: queued.index + 1,
        match: (p) => p['offline'] !== true,
        anyOrder: 'Part 6 TC_E_16_CS step 1 note: the emptied queue "will contain one or more TransactionEventRequest messages"',
        describe: 'the TransactionEvent after the queue (offline not true)',
        step: 3,
      });
      checkEvent(ctx, te, { step: 3, eventType: ['Ended'], triggerReason: ['Deauthorized'], stoppedReason: ['DeAuthorized'] });
      const s = sessionOf(ctx, targetOf(ctx, {}).evseId);
      s.txEnded = te.payload['eventType'] === 'Ended';
    });
  },
});
