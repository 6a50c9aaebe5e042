/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_15_CS — Authorization through authorization cache,
 * StopTxOnInvalidId = false, MaxEnergyOnInvalidId > 0: the transaction authorized offline from the
 * cache goes on charging after the CSMS, back online, says Invalid, up to MaxEnergyOnInvalidId
 * (Part 2 C12.FR.02, C12.FR.04): no Deauthorized, no SuspendedEVSE while the OCTT watches.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { num, obj } from '../_shared/journal.js';
import { observed, withCache } from './auth-support.js';
import { checkOfflineAuthorized, checkOfflineCharging, offlineInvalidScenario } from './offline-invalid.js';
import { frames } from '../_shared/journal.js';

export default defineTestCase({
  id: 'TC_C_15_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization through authorization cache - StopTxOnInvalidId = false, MaxEnergyOnInvalidId > 0',
  useCases: ['C12'],
  requirements: ['C12.FR.02', 'C12.FR.04'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: MaxEnergyOnInvalidId (C-03) and an authorization cache with a local start option.
  applies: { all: [{ item: 'C-03' }, withCache] },
  validations: [{ step: 3, checks: 'queued TransactionEvents: (optional) Authorized with the idToken, offline; ChargingStateChanged offline; no Deauthorized and no SuspendedEVSE' }],
  waivers: [{ step: 'post', reason: 'Part 6 TC_C_15_CS post scenario "only MaxEnergyOnInvalidId amount of energy is delivered": 10 kWh take hours at a station\'s power, beyond any case; the steps show the energy goes on' }],
  detects: ['ignores-local-authorize-offline', 'max-energy-on-invalid-ignored'],
  async run(ctx) {
    const durationS = Math.max(1, num(ctx.config.extra['transactionDurationS']) ?? 2);
    const run = await offlineInvalidScenario(ctx, { stopTxOnInvalidId: false, maxEnergyOnInvalidIdWh: 10_000, backOff: true, unknownOffline: true, maxEnergyRequired: true, offlineMs: durationS * 1000 });
    await ctx.step('Steps 3-4: the queued TransactionEvents, answered Invalid; the energy goes on', async () => {
      // Time for the station to act on the Invalid answer.
      await ctx.sleep(ctx.config.messageTimeoutMs);
      checkOfflineAuthorized(ctx, run, 3, false);
      checkOfflineCharging(ctx, run, 3);
      const stops = run.events().filter((e) => e.payload['triggerReason'] === 'Deauthorized' || (e.payload['triggerReason'] === 'ChargingStateChanged' && obj(e.payload['transactionInfo'])?.['chargingState'] === 'SuspendedEVSE'));
      ctx.check('no TransactionEvent with triggerReason Deauthorized, or ChargingStateChanged to SuspendedEVSE', stops.length === 0, {
        expected: 'none',
        actual: stops.length === 0 ? 'none' : stops.map((e) => `${String(e.payload['triggerReason'])} ${String(obj(e.payload['transactionInfo'])?.['chargingState'])}`).join(', '),
        frames: stops.flatMap((e) => frames(observed(e))),
        step: 3,
      });
    });
  },
});
