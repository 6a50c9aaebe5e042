/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_45_CS — Offline Behaviour, stop transaction during
 * the offline period, same GroupId. The transaction runs for an idToken of <Configured GroupIdToken>;
 * while the OCTT refuses the station another idToken of that group, known from the cache or the
 * local list, stops it; back online the queued events all say offline true and one of them is
 * Ended (Part 2 E08.FR.02/04/05/06/07/08, C09).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, getVariable, ready } from '../_shared/case-support.js';
import { openTransactionId, sessionOf } from '../_shared/journal.js';
import { configuredVersion, emptyListAfter, validToken2 } from '../D-local-list/local-list.js';
import { acceptReconnect, backOffSettings, closeAndRefuse, offlineValues, queuedEvents } from './offline-queue.js';
import { checkOfflineSession, endSessionOffline } from './offline-stop.js';

export default defineTestCase({
  id: 'TC_E_45_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Offline Behaviour - Stop transaction during offline period - Same GroupId',
  useCases: ['E08'],
  requirements: ['E08.FR.02', 'E08.FR.04', 'E08.FR.05', 'E08.FR.06', 'E08.FR.07', 'E08.FR.08'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: (C-30 or C-31 or C-32) and (Local Authorization List Management or C-49); the profile alternative is no PICS item.
  applies: { all: [{ any: [{ item: 'C-30' }, { item: 'C-31' }, { item: 'C-32' }] }, { item: 'C-49' }] },
  validations: [{ step: 3, checks: 'every queued TransactionEvent offline true; one of them eventType Ended' }],
  detects: ['no-offline-flag', 'drops-offline-transaction-events'],
  async run(ctx) {
    await ready(ctx);
    const v = offlineValues(ctx);
    const token2 = validToken2(ctx);
    const group = ctx.config.groupId;
    await configure(ctx, backOffSettings(v.retryBackOffS));
    // Memory state: <Configured valid idtoken fields2> with <Configured GroupIdToken> in the cache and in the local list (each where implemented).
    const cache = (await getVariable(ctx, { component: 'AuthCacheCtrlr', variable: 'Enabled' })) === 'true';
    const list = (await getVariable(ctx, { component: 'LocalAuthListCtrlr', variable: 'Enabled' })) === 'true';
    if (!cache && !list) ctx.inconclusive('neither AuthCacheCtrlr.Enabled nor LocalAuthListCtrlr.Enabled is true: the second idToken cannot be known offline');
    if (cache) await ctx.step('Before: IdTokenCached for the second idToken', () => ctx.state('IdTokenCached', { idToken: token2, answer: { status: 'Accepted', groupIdToken: { idToken: group, type: 'Central' } } }));
    if (list) await ctx.step('Before: IdTokenLocalAuthList for the second idToken', () => ctx.state('IdTokenLocalAuthList', { idToken: token2, groupId: group, versionNumber: configuredVersion(ctx) }));
    await ctx.step('Before: Authorized (GroupIdToken), EnergyTransferStarted', async () => {
      await ctx.state('Authorized');
      await ctx.state('EnergyTransferStarted');
    });
    const transactionId = openTransactionId(ctx);
    if (transactionId === undefined) ctx.inconclusive('the station reported no ongoing transaction');
    await ctx.step('Step 1: the OCTT closes the connection and refuses reconnects', () => closeAndRefuse(ctx, 'Part 6 TC_E_45_CS step 1'));
    await ctx.step('Manual actions: present the second idToken of the group, disconnect the EV, drive out', () => endSessionOffline(ctx, token2));
    let back = { acceptedWallMs: 0, from: 0 };
    await ctx.step('Step 2: the OCTT accepts the reconnection', async () => {
      back = await acceptReconnect(ctx);
    });
    await ctx.step('Steps 3-4: the station empties its queue', async () => {
      const queued = await queuedEvents(ctx, back, { step: 3 });
      checkOfflineSession(ctx, queued, { step: 3, transactionId });
    });
    sessionOf(ctx, ctx.config.evseId).txEnded = true;
    if (list) await emptyListAfter(ctx);
  },
});
