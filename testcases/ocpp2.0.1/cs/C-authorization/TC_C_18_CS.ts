/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_18_CS — Authorization through authorization cache,
 * StopTxOnInvalidId = true, MaxEnergyOnInvalidId > 0: StopTxOnInvalidId wins; the transaction
 * authorized offline from the cache is deauthorized, online, once the CSMS says Invalid
 * (Part 2 C12.FR.02, C12.FR.04).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { frames, num } from '../_shared/journal.js';
import { withCache } from './auth-support.js';
import { checkOfflineAuthorized, checkOfflineCharging, offlineInvalidScenario } from './offline-invalid.js';

export default defineTestCase({
  id: 'TC_C_18_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization through authorization cache - StopTxOnInvalidId = true, MaxEnergyOnInvalidId > 0',
  useCases: ['C12'],
  requirements: ['C12.FR.02', 'C12.FR.04'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: MaxEnergyOnInvalidId (C-03) and an authorization cache with a local start option.
  applies: { all: [{ item: 'C-03' }, withCache] },
  validations: [
    { step: 3, checks: 'queued TransactionEvents: (optional) Authorized with the idToken, offline; ChargingStateChanged offline' },
    { step: 5, checks: 'a TransactionEvent with triggerReason Deauthorized, offline false (or omitted)' },
    { step: 'post', checks: 'the energy flow stops on the Invalid answer' },
  ],
  detects: ['ignores-local-authorize-offline', 'starts-tx-for-invalid-token'],
  async run(ctx) {
    const durationS = Math.max(1, num(ctx.config.extra['transactionDurationS']) ?? 2);
    const run = await offlineInvalidScenario(ctx, { stopTxOnInvalidId: true, maxEnergyOnInvalidIdWh: 500, backOff: true, unknownOffline: true, maxEnergyRequired: true, offlineMs: durationS * 1000 });
    await ctx.step('Steps 3-6: the queued TransactionEvents, answered Invalid; then triggerReason Deauthorized, sent online', async () => {
      const deauth = await ctx.expectCall('TransactionEvent', { from: run.from, step: 5, anyOrder: 'Part 6 step 2 note: "one or more TransactionEventRequest messages"', match: { triggerReason: 'Deauthorized' }, describe: 'a TransactionEvent with triggerReason Deauthorized' });
      ctx.check('Deauthorized TransactionEvent offline', deauth.payload['offline'] === undefined || deauth.payload['offline'] === false, { expected: 'false (or omitted)', actual: deauth.payload['offline'] ?? 'omitted', frames: frames(deauth), step: 5 });
      const state = (deauth.payload['transactionInfo'] as { chargingState?: unknown } | undefined)?.chargingState;
      ctx.check('energy flow stopped with the Deauthorized event (post scenario)', deauth.payload['eventType'] === 'Ended' || state !== 'Charging', { expected: 'eventType Ended or chargingState other than Charging', actual: `${String(deauth.payload['eventType'])}, ${String(state)}`, frames: frames(deauth) });
      // Step 3: the queued events all came before the Deauthorized one.
      checkOfflineAuthorized(ctx, run, 3, false);
      checkOfflineCharging(ctx, run, 3);
    });
  },
});
