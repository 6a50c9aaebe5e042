/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_17_CS — Authorization through authorization cache,
 * StopTxOnInvalidId = false: a transaction authorized offline from the cache is not ended when the
 * CSMS, back online, says Invalid; the energy stops and the transaction is suspended
 * (chargingState SuspendedEVSE; Part 2 C12.FR.02, C12.FR.04).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { frames, obj } from '../_shared/journal.js';
import { observed, withCache } from './auth-support.js';
import { checkOfflineAuthorized, offlineInvalidScenario } from './offline-invalid.js';

export default defineTestCase({
  id: 'TC_C_17_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization through authorization cache - StopTxOnInvalidId = false',
  useCases: ['C12'],
  requirements: ['C12.FR.02', 'C12.FR.04'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: withCache,
  validations: [
    { step: 2, checks: 'queued TransactionEvents: Authorized with the idToken, offline; then one with chargingState SuspendedEVSE; none ends the transaction' },
    { step: 'post', checks: 'the energy flow stops on the Invalid answer (SuspendedEVSE)' },
  ],
  detects: ['ignores-local-authorize-offline', 'ignores-stop-tx-on-invalid-id-false'],
  async run(ctx) {
    const run = await offlineInvalidScenario(ctx, { stopTxOnInvalidId: false, maxEnergyOnInvalidIdWh: 0, backOff: false, unknownOffline: true, maxEnergyRequired: false, offlineMs: Math.min(5_000, ctx.config.messageTimeoutMs) });
    await ctx.step('Steps 2-6: the queued TransactionEvents, answered Invalid; then chargingState SuspendedEVSE', async () => {
      checkOfflineAuthorized(ctx, run, 2, true);
      const suspended = await ctx.expectCall('TransactionEvent', {
        from: run.from,
        step: 2,
        anyOrder: 'Part 6 step 2 note: "one or more TransactionEventRequest messages"',
        match: (p) => obj(p['transactionInfo'])?.['chargingState'] === 'SuspendedEVSE',
        describe: 'a TransactionEvent with chargingState SuspendedEVSE',
      });
      ctx.check('SuspendedEVSE TransactionEvent does not end the transaction (StopTxOnInvalidId false)', suspended.payload['eventType'] !== 'Ended', { expected: 'Updated', actual: suspended.payload['eventType'], frames: frames(suspended), step: 2 });
      const ended = run.events().filter((e) => e.index <= suspended.index && e.payload['eventType'] === 'Ended');
      ctx.check('no TransactionEvent Ended before it', ended.length === 0, { expected: 'none', actual: ended.length === 0 ? 'none' : `${ended.length}`, frames: ended.flatMap((e) => frames(observed(e))), step: 2 });
    });
  },
});
