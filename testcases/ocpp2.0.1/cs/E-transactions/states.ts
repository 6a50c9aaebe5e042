/**
 * OCPP 2.0.1 Part 6 §2.19 memory state of block E, SUT = charging station:
 * TransactionEventsInQueueEnded (Table 441) — a whole session while the OCTT refuses the station
 * (drive in, plug in, present the idToken, present it again, unplug, drive out), so the queue holds
 * the events of an ended transaction; then the OCTT accepts the station again.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { defineStates } from '../../../../src/engine/authoring.js';
import { getVariable } from '../_shared/case-support.js';
import { prepareVariables } from '../_shared/expect.js';
import { parkedEvses, sessionOf, targetOf } from '../_shared/journal.js';
import { backOnline, goOffline } from '../_shared/offline.js';
import { configuredVersion } from '../D-local-list/local-list.js';
import { endSessionOffline } from './offline-stop.js';

async function transactionEventsInQueueEnded(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  await prepareVariables(ctx, [{ component: 'AuthCtrlr', variable: 'OfflineTxForUnknownIdEnabled', value: 'true', ifImplemented: true }]);
  // Memory state: the idToken in the Authorization Cache and in the Local Authorization List, each "(If implemented)".
  if ((await getVariable(ctx, { component: 'AuthCacheCtrlr', variable: 'Enabled' })) === 'true') await ctx.state('IdTokenCached', { idToken: t.idToken });
  if ((await getVariable(ctx, { component: 'LocalAuthListCtrlr', variable: 'Enabled' })) === 'true') await ctx.state('IdTokenLocalAuthList', { idToken: t.idToken, versionNumber: configuredVersion(ctx) });
  await goOffline(ctx, 'memory state TransactionEventsInQueueEnded, step 1');
  const s = sessionOf(ctx, t.evseId);
  if (!s.parked) {
    await ctx.dut('driveIn', { evseId: t.evseId });
    s.parked = true;
    parkedEvses.add(t.evseId);
  }
  await ctx.dut('plugIn', { evseId: t.evseId, connectorId: t.connectorId });
  await ctx.dut('presentIdToken', { evseId: t.evseId, idToken: t.idToken.idToken, type: t.idToken.type });
  await endSessionOffline(ctx, t.idToken);
  s.txEnded = true;
  await backOnline(ctx);
}

export default defineStates({ version: '2.0.1', sut: 'cs', states: { TransactionEventsInQueueEnded: transactionEventsInQueueEnded } });
