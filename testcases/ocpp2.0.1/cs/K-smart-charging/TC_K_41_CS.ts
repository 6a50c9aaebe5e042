/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_41_CS — Get Composite Schedule, combining
 * purposes: a ChargingStationMaxProfile of 10 on the station, a TxDefaultProfile (6/10/8/15/8 from
 * 0/60/120/180/260 s, 300 s) and a TxProfile (8/11/16/6/12 from 0/50/140/200/240 s, 260 s) on the
 * configured EVSE. The composite for 400 s must be 8, 10 (50 - x), 6 (200 - x), 10 (240 - x),
 * judged period by period against the engine (Part 2 K08.FR.02, K08.FR.04). A TxProfile needs an
 * ongoing transaction (K01.FR.09), so the case starts from EnergyTransferStarted although Part 6
 * lists no reusable state.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { sessionOf } from '../_shared/journal.js';
import { checkComposite, clearIds, getComposite, install, isoAt, kConfig, profile, smartChargingM, transactionStarted } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_41_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Get Composite Schedule - Combining chargingProfilePurposes',
  useCases: ['K08'],
  requirements: ['K08.FR.02', 'K08.FR.04'],
  certification: smartChargingM,
  validations: [{ step: 2, checks: 'GetCompositeScheduleResponse Accepted: evseId, duration 400, the configured unit; periods 8, 10 (50 - x), 6 (200 - x), 10 (240 - x)' }],
  detects: ['ignores-max-profile'],
  async run(ctx) {
    await ready(ctx);
    const k = kConfig(ctx);
    const d = k.maxTimeDeviationS;
    const transactionId = await transactionStarted(ctx, k.evseId, (c, e) => sessionOf(c, e).transactionId);
    const window = { validFrom: isoAt(ctx, -d), validTo: isoAt(ctx, d + 401), startSchedule: isoAt(ctx, -d) };
    const max = profile(ctx, k, { id: k.profileId, purpose: 'ChargingStationMaxProfile', startSchedule: isoAt(ctx, -d), durationS: 86_400, periods: [[0, 10]] });
    const def = profile(ctx, k, { ...window, id: k.profileId + 1, purpose: 'TxDefaultProfile', durationS: 300, periods: [[0, 6], [60, 10], [120, 8], [180, 15], [260, 8]] });
    const tx = profile(ctx, k, { ...window, id: k.profileId + 2, purpose: 'TxProfile', transactionId, durationS: 260, periods: [[0, 8], [50, 11], [140, 16], [200, 6], [240, 12]] });
    try {
      await ctx.step('Before: ChargingStationMaxProfile, TxDefaultProfile and TxProfile installed', async () => {
        await install(ctx, 0, max);
        await install(ctx, k.evseId, def);
        await install(ctx, k.evseId, tx);
      });
      await ctx.step('Steps 1-2: GetCompositeSchedule for 400 s', async () => {
        const a = await getComposite(ctx, k.evseId, 400, k.unit);
        checkComposite(ctx, k, a, { evseId: k.evseId, durationS: 400, installed: [{ evseId: 0, raw: max }, { evseId: k.evseId, raw: def }, { evseId: k.evseId, raw: tx }], step: 2 });
      });
    } finally {
      await clearIds(ctx, [k.profileId, k.profileId + 1, k.profileId + 2]);
    }
  },
});
