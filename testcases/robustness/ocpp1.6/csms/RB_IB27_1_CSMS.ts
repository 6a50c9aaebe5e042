/**
 * Robustness catalogue (beyond the official one), IB-27: The first period of a charging schedule the CSMS sends starts at 0.
 * Enforces OCPP 1.6 edition 2 §7.13 ChargingSchedule (errata: the startPeriod of the first period SHALL always be 0).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { chargingPeriods } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB27_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'IB-27',
  title: "The first period of a charging schedule the CSMS sends starts at 0",
  certification: [],
  robustness: { ib: 'IB-27', clause: "OCPP 1.6 edition 2 \u00a77.13 ChargingSchedule (errata: the startPeriod of the first period SHALL always be 0)", severity: 'major', notCovered: "composite schedules of stacked profiles compared with a reference calculator need a station under test with smart charging; the station simulator has none" },
  states: ['Booted'],
  detects: ['schedule-starts-late'],
  async run(ctx) {
    const trigger = ctx.dut('triggerSetChargingProfile');
    const call = await ctx.step('The CSMS sends SetChargingProfile', () => ctx.expectCall('SetChargingProfile'));
    await trigger;
    const first = chargingPeriods(call.payload)[0];
    ctx.check('startPeriod of the first period is 0', first?.['startPeriod'] === 0, { expected: 'startPeriod 0', actual: first === undefined ? 'no period' : `startPeriod ${String(first['startPeriod'])}`, ...(call.frameSeq === undefined ? {} : { frames: [call.frameSeq] }) });
  },
});
