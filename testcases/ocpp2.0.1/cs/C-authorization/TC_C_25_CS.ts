/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_25_CS — the Local Authorization List wins over
 * the Authorization Cache (Part 2 C13.FR.01, C14.FR.01): the valid idToken is Accepted in the cache
 * but Invalid in the list; presented while offline with the EV connected, it starts no transaction
 * (even with OfflineTxForUnknownIdEnabled true, the token is not unknown). MeterValues are allowed.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, journalMark, ready } from '../_shared/case-support.js';
import { backOnline, goOffline } from '../_shared/offline.js';
import { configuredVersion, emptyListAfter } from '../D-local-list/local-list.js';
import { listEnabled, noTransactionFor, preAuthorize } from './local-list-auth.js';

export default defineTestCase({
  id: 'TC_C_25_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Offline authorization through local authorization list - Local Authorization List > Authorization Cache',
  useCases: ['C13', 'C14'],
  requirements: ['C13.FR.01', 'C14.FR.01'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  // Part 5: one of the local start authorization options C-30 (ISO 14443), C-31 (ISO 15693), C-32 (key code).
  applies: { any: [{ item: 'C-30' }, { item: 'C-31' }, { item: 'C-32' }] },
  detects: ['local-list-unused-offline', 'local-list-not-stored'],
  async run(ctx) {
    await ready(ctx);
    const valid = ctx.config.idTokens.valid;
    const waitMinS = Number(ctx.config.extra['retryBackOffWaitMinimumS'] ?? 1);
    // Prerequisites: OfflineTxForUnknownIdEnabled is implemented (set, not "if implemented"), and the cache is available.
    await configure(ctx, [
      listEnabled,
      preAuthorize,
      { component: 'AuthCtrlr', variable: 'OfflineTxForUnknownIdEnabled', value: 'true' },
      { component: 'AuthCtrlr', variable: 'LocalAuthorizeOffline', value: 'true' },
      { component: 'TxCtrlr', variable: 'StopTxOnInvalidId', value: 'false' },
      { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', value: String(waitMinS + 60) },
      { component: 'OCPPCommCtrlr', variable: 'RetryBackOffWaitMinimum', value: String(waitMinS) },
      { component: 'OCPPCommCtrlr', variable: 'RetryBackOffRandomRange', value: '0' },
    ]);
    await ctx.state('IdTokenCached', { idToken: valid });
    await ctx.state('IdTokenLocalAuthList', { idToken: valid, status: 'Invalid', versionNumber: configuredVersion(ctx) });
    await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    const since = journalMark(ctx);
    await ctx.step('Step 1: offline, present the idToken (cached Accepted, listed Invalid)', async () => {
      await goOffline(ctx, 'TC_C_25_CS step 1');
      await ctx.dut('presentIdToken', { evseId: ctx.config.evseId, idToken: valid.idToken, type: valid.type });
      await ctx.sleep(ctx.toleranceMs);
    });
    await ctx.step('Steps 2-3: back online, the station has started no transaction', async () => {
      await backOnline(ctx);
      await noTransactionFor(ctx, valid, since);
    });
    await emptyListAfter(ctx);
  },
});
