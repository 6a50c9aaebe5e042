/**
 * OCPP 1.6 TC_066_CSMS — Get Composite Schedule. OCTT 1.6 document §3.19.2; OCPP 1.6 §5.7: the
 * operator makes the Central System ask for the composite schedule of the configured connector
 * for the configured duration and rate unit; the harness (as Charge Point) answers Accepted with a
 * fixed schedule (10 A / 10000 W from startPeriod 0).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { triggeredCall } from '../_shared/charge-point.js';
import { checkConnector, limitIn, objOf, smartChargingValues } from './support.js';

export default defineTestCase({
  id: 'TC_066_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'SmartCharging',
  title: 'Get Composite Schedule',
  requirements: ['OCPP 1.6 §5.7'],
  certification: [{ profile: 'Smart Charging', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'GetCompositeSchedule.req for the configured connector, the configured duration and chargingRateUnit' },
    { step: 2, checks: 'the Charge Point answers GetCompositeSchedule.conf with its fixed chargingSchedule' },
  ],
  detects: ['composite-schedule-drops-rate-unit', 'smart-charging-wrong-evse', 'ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    const { connectorId } = ctx.config;
    await ctx.step('Steps 1-2: GetCompositeSchedule.req for the configured connector → Accepted with a schedule', async () => {
      const s = await triggeredCall(ctx, {
        action: 'GetCompositeSchedule',
        trigger: 'triggerGetCompositeSchedule',
        params: { connectorId, durationS: v.durationS, chargingRateUnit: v.chargingRateUnit },
        answer: (c) => {
          const unit = c.payload['chargingRateUnit'] === 'W' ? 'W' : 'A';
          const asked = c.payload['connectorId'];
          return {
            status: 'Accepted',
            connectorId: typeof asked === 'number' ? asked : connectorId,
            scheduleStart: new Date(ctx.clock.wallMs()).toISOString(),
            chargingSchedule: { duration: typeof c.payload['duration'] === 'number' ? c.payload['duration'] : v.durationS, chargingRateUnit: unit, chargingSchedulePeriod: [{ startPeriod: 0, limit: limitIn(unit, 10) }] },
          };
        },
        step: 1,
      });
      checkConnector(ctx, s, 'GetCompositeSchedule', connectorId, 1);
      ctx.check('GetCompositeSchedule.req duration is the configured duration', s.payload['duration'] === v.durationS, { expected: v.durationS, actual: s.payload['duration'] ?? 'absent', frames: s.frames, step: 1 });
      ctx.check('GetCompositeSchedule.req chargingRateUnit is the configured unit', s.payload['chargingRateUnit'] === v.chargingRateUnit, { expected: v.chargingRateUnit, actual: s.payload['chargingRateUnit'] ?? 'absent', frames: s.frames, step: 1 });
      ctx.check('GetCompositeSchedule.conf carries the fixed chargingSchedule', objOf(s.reply['chargingSchedule']) !== undefined, { expected: 'a chargingSchedule', actual: s.reply, frames: s.frames, step: 2 });
    });
  },
});
