/**
 * The flow of Part 6 TC_C_22/23/24_CS (C13 offline authorization through the Local Authorization
 * List; Tables 106-108): the configured invalid / blocked / expired idToken is in the list with that
 * status (memory state IdTokenLocalAuthList), the offline settings of the Before section are made,
 * the OCTT closes the connection and refuses reconnects, the EV drives into the parking bay, the
 * idToken is presented, the reconnect is accepted, and the station sends its queued
 * TransactionEvent: offline true, triggerReason EVDetected (step 5).
 *
 * Part 6's own note says that event exists only when TxStartPoint holds ParkingBayOccupancy; its
 * tool validation of step 5 therefore needs such a station. The case makes sure of that where the
 * station lets it (TxStartPoint ReadWrite with ParkingBayOccupancy in its list, Part 5 C-09.6) and
 * puts the value back afterwards; a station that cannot start at the parking bay makes the case
 * inconclusive, saying so, instead of passing on nothing.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { ready, txInfo } from '../_shared/case-support.js';
import { frames, journalEnd, num, parkedEvses, sessionOf } from '../_shared/journal.js';
import { configurePoints } from '../E-transactions/tx-points.js';
import { backOnline, goOffline } from '../_shared/offline.js';
import { tokenOf } from './auth-support.js';
import { emptyListAfter, listEnabled, listWith, preAuthorize } from './local-list-auth.js';

/** <Configured RetryBackOffWaitMinimum_duration> (config `extra.retryBackOffWaitMinimumS`). */
const retryBackOffS = (ctx: TestContext): number => Math.max(1, Math.round(num(ctx.config.extra['retryBackOffWaitMinimumS']) ?? Math.max(1, ctx.config.heartbeatIntervalS / 2)));

export async function offlineListRefused(ctx: TestContext, kind: 'invalid' | 'blocked' | 'expired', status: 'Invalid' | 'Blocked' | 'Expired'): Promise<void> {
  await ready(ctx);
  const token = tokenOf(ctx, kind);
  const backOffS = retryBackOffS(ctx);
  // Part 6 note of step 5: the queued TransactionEvent exists only with TxStartPoint ParkingBayOccupancy.
  await configurePoints(ctx, [{ variable: 'TxStartPoint', needs: ['ParkingBayOccupancy'], excludes: [] }]);
  await listWith(
    ctx,
    [
      listEnabled,
      preAuthorize,
      { component: 'AuthCtrlr', variable: 'OfflineTxForUnknownIdEnabled', value: 'false', ifImplemented: true },
      { component: 'AuthCtrlr', variable: 'LocalAuthorizeOffline', value: 'true' },
      { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', value: String(backOffS + 60) },
      { component: 'OCPPCommCtrlr', variable: 'RetryBackOffWaitMinimum', value: String(backOffS) },
      { component: 'OCPPCommCtrlr', variable: 'RetryBackOffRandomRange', value: '0' },
    ],
    token,
    status,
  );
  const s = sessionOf(ctx, ctx.config.evseId);
  const from = journalEnd(ctx);
  await ctx.step('Step 1: the OCTT closes the connection and refuses reconnects', () => goOffline(ctx, `${status} idToken in the local list, offline`));
  await ctx.step('Manual actions: drive the EV into the parking bay, present the idToken', async () => {
    await ctx.dut('driveIn', { evseId: ctx.config.evseId });
    s.parked = true;
    parkedEvses.add(ctx.config.evseId);
    await ctx.dut('presentIdToken', { evseId: ctx.config.evseId, idToken: token.idToken, type: token.type });
  });
  await ctx.step('Steps 4-6: reconnection accepted; the queued TransactionEvent says offline true, triggerReason EVDetected', async () => {
    await backOnline(ctx);
    const te = await ctx.expectCall('TransactionEvent', { from, describe: 'the TransactionEvent the station queued while offline', step: 5 });
    ctx.check('TransactionEvent offline', te.payload['offline'] === true, { expected: true, actual: te.payload['offline'] ?? 'absent', frames: frames(te), step: 5 });
    ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'EVDetected', { expected: 'EVDetected', actual: te.payload['triggerReason'], frames: frames(te), step: 5 });
    const id = txInfo(te).transactionId;
    if (typeof id === 'string') s.transactionId = id;
  });
  await emptyListAfter(ctx);
}
