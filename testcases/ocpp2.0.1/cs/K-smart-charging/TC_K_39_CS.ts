/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_39_CS — Get Composite Schedule with no charging
 * profile installed: for evseId 0, 300 s in the configured unit, the station answers Accepted with
 * evseId 0, duration 300, that unit and a first period at startPeriod 0 (its local limit, not
 * judged) (Part 2 K08.FR.02, K08.FR.03, K08.FR.06). The case first clears every profile (no verdict).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkComposite, getComposite, kConfig, smartChargingM } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_39_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Get Composite Schedule - No ChargingProfile installed on Charging Station',
  useCases: ['K08'],
  requirements: ['K08.FR.02', 'K08.FR.03', 'K08.FR.06'],
  certification: smartChargingM,
  validations: [{ step: 2, checks: 'GetCompositeScheduleResponse Accepted: evseId 0, duration 300, the configured unit, first startPeriod 0' }],
  detects: ['composite-wrong-duration'],
  async run(ctx) {
    await ready(ctx);
    const k = kConfig(ctx);
    await ctx.call('ClearChargingProfile', {});
    await ctx.step('Steps 1-2: GetCompositeSchedule for evseId 0, 300 s', async () => {
      const a = await getComposite(ctx, 0, 300, k.unit);
      const c = checkComposite(ctx, k, a, { evseId: 0, durationS: 300, installed: [], step: 2 });
      if (c) ctx.check('first period at startPeriod 0', c.chargingSchedulePeriod[0]?.startPeriod === 0, { expected: 0, actual: c.chargingSchedulePeriod[0]?.startPeriod ?? 'no period', frames: a.frames, step: 2 });
    });
  },
});
