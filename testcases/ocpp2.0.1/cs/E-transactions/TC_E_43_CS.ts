/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_43_CS — Offline Behaviour, transaction during the
 * offline period. A whole session runs while the OCTT refuses the station (memory state
 * TransactionEventsInQueueEnded); back online the station sends the queued events, every one
 * offline true, among them the Started and the Ended event (Part 2 E12.FR.01/02/06).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { getVariable, ready } from '../_shared/case-support.js';
import { emptyListAfter } from '../D-local-list/local-list.js';
import { lastConnection, queuedEvents } from './offline-queue.js';
import { checkOfflineSession } from './offline-stop.js';

export default defineTestCase({
  id: 'TC_E_43_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Offline Behaviour - Transaction during offline period',
  useCases: ['E12'],
  requirements: ['E12.FR.01', 'E12.FR.02', 'E12.FR.06'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: (C-01 and (C-30 - C-34 or ISO 15118 support)) or C-35; the profile alternative is no PICS item.
  applies: { any: [{ all: [{ item: 'C-01' }, { any: ['C-30', 'C-31', 'C-32', 'C-33', 'C-34'].map((item) => ({ item })) }] }, { item: 'C-35' }] },
  validations: [{ step: 2, checks: 'every queued TransactionEvent offline true; one eventType Started, one eventType Ended' }],
  detects: ['no-offline-flag', 'drops-offline-transaction-events'],
  async run(ctx) {
    await ready(ctx);
    await ctx.step('Step 1: memory state TransactionEventsInQueueEnded', () => ctx.state('TransactionEventsInQueueEnded'));
    const back = lastConnection(ctx);
    await ctx.step('Steps 2-3: the station empties its queue', async () => {
      const queued = await queuedEvents(ctx, back, { step: 2 });
      checkOfflineSession(ctx, queued, { step: 2, started: true });
    });
    // The state put the idToken in the local list when it is enabled: leave it empty again.
    if ((await getVariable(ctx, { component: 'LocalAuthListCtrlr', variable: 'Enabled' })) === 'true') await emptyListAfter(ctx);
  },
});
