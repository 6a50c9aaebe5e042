/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_21_CS — offline, the valid idToken Accepted in
 * the Local Authorization List starts a transaction (Part 2 C13.FR.02, LocalAuthorizeOffline). Back
 * online, the idToken stops it: the queued TransactionEvents before the stop say offline true, and
 * one TransactionEvent says triggerReason StopAuthorized.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalMark, ready } from '../_shared/case-support.js';
import { callsIn, frames, sessionOf } from '../_shared/journal.js';
import { emptyListAfter, listEnabled, listWith, preAuthorize } from './local-list-auth.js';

export default defineTestCase({
  id: 'TC_C_21_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Offline authorization through local authorization list - Accepted',
  useCases: ['C13'],
  requirements: ['C13.FR.02'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  // Part 5: one of the local start authorization options C-30 (ISO 14443), C-31 (ISO 15693), C-32 (key code).
  applies: { any: [{ item: 'C-30' }, { item: 'C-31' }, { item: 'C-32' }] },
  validations: [
    { step: 1, checks: 'TransactionEventRequests before the StopAuthorized one say offline true; one says triggerReason StopAuthorized' },
  ],
  detects: ['local-list-not-stored', 'local-list-unused-offline'],
  async run(ctx) {
    await ready(ctx);
    const valid = ctx.config.idTokens.valid;
    await listWith(
      ctx,
      [listEnabled, preAuthorize, { component: 'AuthCtrlr', variable: 'OfflineTxForUnknownIdEnabled', value: 'false', ifImplemented: true }, { component: 'AuthCtrlr', variable: 'LocalAuthorizeOffline', value: 'true' }],
      valid,
      'Accepted',
    );
    const mark = journalMark(ctx);
    await ctx.state('StartOfflineTransaction');
    await ctx.step('Manual actions and steps 1-2: present the idToken again, unplug; the queue is sent, the stop says StopAuthorized', async () => {
      await ctx.dut('presentIdToken', { evseId: ctx.config.evseId, idToken: valid.idToken, type: valid.type });
      // The queued events come first, in order; each is taken until the one that says StopAuthorized.
      let stop = await ctx.expectCall('TransactionEvent', { from: mark, describe: 'the queued TransactionEvents, then one with triggerReason StopAuthorized', step: 1 });
      while (stop.payload['triggerReason'] !== 'StopAuthorized') {
        stop = await ctx.expectCall('TransactionEvent', { describe: 'the queued TransactionEvents, then one with triggerReason StopAuthorized', step: 1 });
      }
      const before = callsIn(ctx.journal(), 'TransactionEvent').filter((e) => e.index >= mark && e.index < stop.index);
      const online = before.filter((e) => e.payload['offline'] !== true);
      ctx.check('TransactionEventRequests before the StopAuthorized one: offline true', before.length > 0 && online.length === 0, {
        expected: 'one or more queued TransactionEvents, each with offline true',
        actual: before.length === 0 ? 'no TransactionEvent before the stop (no offline transaction)' : `${online.length} of ${before.length} without offline true`,
        frames: (online.length > 0 ? online : before).flatMap((e) => (e.frameSeq === undefined ? [] : [e.frameSeq])).concat(frames(stop)),
        step: 1,
      });
      const s = sessionOf(ctx, ctx.config.evseId);
      s.transactionId = undefined;
      s.stopAuthorized = true;
      s.txEnded = stop.payload['eventType'] === 'Ended';
    });
    await ctx.step('Step 3: ParkingBayUnoccupied', () => ctx.state('ParkingBayUnoccupied'));
    await emptyListAfter(ctx);
  },
});
