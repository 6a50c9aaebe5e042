/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_40_CS — Get Composite Schedule, stacking: two
 * TxDefaultProfiles on the configured EVSE (stackLevel 0: 6/8/10 from 0/100/200 s for 400 + d s;
 * stackLevel 1: 7/9 from 0/100 s for 150 + d s; d = configured max time deviation). The composite
 * for 350 s must be 7, 9 from 100 - x, 8 from 150 - x, 10 from 200 - x (x: the time since the
 * profiles' start), judged period by period against the engine (Part 2 K08.FR.02, K08.FR.06).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkComposite, clearIds, getComposite, install, isoAt, kConfig, profile, smartChargingM } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_40_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Get Composite Schedule - Stacking ChargingProfiles',
  useCases: ['K08'],
  requirements: ['K08.FR.02', 'K08.FR.06'],
  certification: smartChargingM,
  applies: { item: 'SC-2' },
  validations: [{ step: 2, checks: 'GetCompositeScheduleResponse Accepted: evseId, duration 350, the configured unit; periods 7, 9 (100 - x), 8 (150 - x), 10 (200 - x)' }],
  detects: ['ignores-stack-level'],
  async run(ctx) {
    await ready(ctx);
    const k = kConfig(ctx);
    const d = k.maxTimeDeviationS;
    const common = { purpose: 'TxDefaultProfile', validFrom: isoAt(ctx, -d), validTo: isoAt(ctx, d + 401), startSchedule: isoAt(ctx, -d) };
    const p1 = profile(ctx, k, { ...common, id: k.profileId, stackLevel: 0, durationS: 400 + d, periods: [[0, 6], [100, 8], [200, 10]] });
    const p2 = profile(ctx, k, { ...common, id: k.profileId + 1, stackLevel: 1, durationS: 150 + d, periods: [[0, 7], [100, 9]] });
    try {
      await ctx.step('Before: two TxDefaultProfiles, stackLevel 0 and 1', async () => {
        await install(ctx, k.evseId, p1);
        await install(ctx, k.evseId, p2);
      });
      await ctx.step('Steps 1-2: GetCompositeSchedule for 350 s', async () => {
        const a = await getComposite(ctx, k.evseId, 350, k.unit);
        checkComposite(ctx, k, a, { evseId: k.evseId, durationS: 350, installed: [{ evseId: k.evseId, raw: p1 }, { evseId: k.evseId, raw: p2 }], step: 2 });
      });
    } finally {
      await clearIds(ctx, [k.profileId, k.profileId + 1]);
    }
  },
});
