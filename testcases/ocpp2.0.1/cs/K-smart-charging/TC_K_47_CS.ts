/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_47_CS — Get Composite Schedule for evseId
 * <configured number of EVSEs + 1>: Rejected, without a schedule (Part 2 K08.FR.05).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkStatus, getComposite, kConfig, smartChargingM } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_47_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Get Composite Schedule - Unknown EVSEId',
  useCases: ['K08'],
  requirements: ['K08.FR.05'],
  certification: smartChargingM,
  validations: [{ step: 2, checks: 'GetCompositeScheduleResponse status Rejected, schedule omitted' }],
  detects: ['composite-unknown-evse-accepted'],
  async run(ctx) {
    await ready(ctx);
    const k = kConfig(ctx);
    await ctx.step('Steps 1-2: GetCompositeSchedule for an unknown EVSE is Rejected', async () => {
      const a = await getComposite(ctx, ctx.config.numberOfEvses + 1, 300, k.unit);
      checkStatus(ctx, 'GetCompositeScheduleResponse', a, 'Rejected', 2);
      ctx.check('schedule omitted', a.ok && a.payload['schedule'] === undefined, { expected: 'no schedule', actual: a.ok ? JSON.stringify(a.payload['schedule'] ?? 'absent') : a.text, frames: a.frames, step: 2 });
    });
  },
});
