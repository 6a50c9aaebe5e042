/**
 * Robustness catalogue (beyond the official one), IB-16: Charging limits the CSMS sends have at most one decimal.
 * Enforces OCPP 1.6 edition 2 §7.14 ChargingSchedulePeriod.limit (at most one digit fraction, e.g. 8.1).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { chargingPeriods } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB16_2_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'IB-16',
  title: "Charging limits the CSMS sends have at most one decimal",
  certification: [],
  robustness: { ib: 'IB-16', clause: "OCPP 1.6 edition 2 \u00a77.14 ChargingSchedulePeriod.limit (at most one digit fraction, e.g. 8.1)", severity: 'major', notCovered: "the CSMS-to-station direction only: what the CSMS accepts from a station is RB_IB16_1_CSMS" },
  states: ['Booted'],
  detects: ['float-artifact-limits'],
  async run(ctx) {
    const trigger = ctx.dut('triggerSetChargingProfile');
    const call = await ctx.step('The CSMS sends SetChargingProfile', () => ctx.expectCall('SetChargingProfile'));
    await trigger;
    const limits = chargingPeriods(call.payload).map((p) => p['limit']);
    const bad = limits.filter((l) => typeof l !== 'number' || !/^-?\d+(\.\d)?$/.test(String(l)));
    ctx.check('Every limit has at most one decimal', limits.length > 0 && bad.length === 0, { expected: 'limits like 8.1 or 16', actual: limits.length === 0 ? 'no charging schedule period' : `limits ${limits.map(String).join(', ')}`, ...(call.frameSeq === undefined ? {} : { frames: [call.frameSeq] }) });
  },
});
