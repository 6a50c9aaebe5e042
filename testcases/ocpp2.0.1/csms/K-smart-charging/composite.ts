/**
 * TC_K_43/44_CSMS: the CSMS asks for the composite schedule of an EVSE (or of the station, evseId
 * 0) for the configured duration and rate unit; the simulated station answers Accepted with a
 * schedule of 300 s at 10 A (10000 W) from startPeriod 0, in the unit asked for (Part 6 step 2).
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { limitIn, smartChargingValues, triggeredRequest } from './support.js';

export async function compositeScheduleAsked(ctx: TestContext, evseId: number): Promise<void> {
  const v = smartChargingValues(ctx);
  await ctx.step(`Steps 1-2: the CSMS sends GetCompositeScheduleRequest for evseId ${evseId}, answered Accepted`, async () => {
    const r = await triggeredRequest(ctx, 'GetCompositeSchedule', 'triggerGetCompositeSchedule', { evseId, durationS: v.durationS, chargingRateUnit: v.chargingRateUnit }, (payload) => {
      const unit = payload['chargingRateUnit'] === 'W' ? 'W' : 'A';
      return {
        status: 'Accepted',
        schedule: { evseId, duration: 300, scheduleStart: new Date(ctx.clock.wallMs()).toISOString(), chargingRateUnit: unit, chargingSchedulePeriod: [{ startPeriod: 0, limit: limitIn(unit, 10) }] },
      };
    });
    const at = { frames: r.frames, step: 1 };
    const p = r.call.payload;
    ctx.check('GetCompositeScheduleRequest.evseId', p['evseId'] === evseId, { expected: evseId, actual: p['evseId'] ?? 'absent', ...at });
    ctx.check('GetCompositeScheduleRequest.duration is the configured duration', p['duration'] === v.durationS, { expected: v.durationS, actual: p['duration'] ?? 'absent', ...at });
    ctx.check('GetCompositeScheduleRequest.chargingRateUnit is the configured unit', p['chargingRateUnit'] === v.chargingRateUnit, { expected: v.chargingRateUnit, actual: p['chargingRateUnit'] ?? 'absent', ...at });
  });
}
