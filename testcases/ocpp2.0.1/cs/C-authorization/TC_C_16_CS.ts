/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_16_CS — Authorization through authorization cache,
 * StopTxOnInvalidId = true: a transaction authorized offline from the cache is deauthorized once
 * the CSMS, back online, says the idToken is Invalid (Part 2 C12.FR.02, C12.FR.04): the energy stops.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { frames } from '../_shared/journal.js';
import { withCache } from './auth-support.js';
import { checkOfflineAuthorized, checkOfflineCharging, offlineInvalidScenario } from './offline-invalid.js';

export default defineTestCase({
  id: 'TC_C_16_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization through authorization cache - StopTxOnInvalidId = true',
  useCases: ['C12'],
  requirements: ['C12.FR.02', 'C12.FR.04'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: withCache,
  validations: [
    { step: 3, checks: 'queued TransactionEvents: (optional) Authorized with the idToken, offline; ChargingStateChanged offline; then one with triggerReason Deauthorized' },
    { step: 'post', checks: 'the energy flow stops on the Invalid answer' },
  ],
  detects: ['ignores-local-authorize-offline', 'starts-tx-for-invalid-token'],
  async run(ctx) {
    const run = await offlineInvalidScenario(ctx, { stopTxOnInvalidId: true, maxEnergyOnInvalidIdWh: 0, backOff: false, unknownOffline: false, maxEnergyRequired: false, offlineMs: Math.min(5_000, ctx.config.messageTimeoutMs) });
    await ctx.step('Steps 3-6: the queued TransactionEvents, answered Invalid; then triggerReason Deauthorized', async () => {
      const deauth = await ctx.expectCall('TransactionEvent', { from: run.from, step: 3, anyOrder: 'Part 6 step 2 note: "one or more TransactionEventRequest messages"', match: { triggerReason: 'Deauthorized' }, describe: 'a TransactionEvent with triggerReason Deauthorized' });
      checkOfflineAuthorized(ctx, run, 3, false);
      checkOfflineCharging(ctx, run, 3);
      const state = (deauth.payload['transactionInfo'] as { chargingState?: unknown } | undefined)?.chargingState;
      ctx.check('energy flow stopped with the Deauthorized event (post scenario)', deauth.payload['eventType'] === 'Ended' || state !== 'Charging', { expected: 'eventType Ended or chargingState other than Charging', actual: `${String(deauth.payload['eventType'])}, ${String(state)}`, frames: frames(deauth) });
    });
  },
});
