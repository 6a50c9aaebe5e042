/**
 * OCPP 2.0.1 Part 6 §2.11 (J MeterValues), TC_J_01_CS — Clock-aligned Meter Values, no transaction.
 * With AlignedDataCtrlr.Interval set, the idle station sends MeterValues with context Sample.Clock
 * for every configured AlignedDataCtrlr.Measurands entry, on the clock-aligned grid (Part 2 J01).
 * Errata 2025-01 §6.2.15: no sampledValue with location EV except SoC.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready, configured, fromNow } from '../_shared/case-support.js';
import { collectClockAligned } from './clock-aligned.js';

export default defineTestCase({
  id: 'TC_J_01_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'J',
  title: 'Clock-aligned Meter Values - No transaction ongoing',
  useCases: ['J01'],
  requirements: ['J01.FR.01', 'J01.FR.02', 'J01.FR.03', 'J01.FR.06', 'J01.FR.07', 'J01.FR.08', 'J01.FR.14', 'J01.FR.15'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 1, checks: 'clock-aligned MeterValues (three intervals)' },
    { step: 'post', checks: 'MeterValues timestamps on the AlignedDataInterval grid, one interval apart, equal within an interval' },
  ],
  detects: ['no-clock-aligned-meter-values'],
  async run(ctx) {
    await ready(ctx);
    const intervalS = configured(ctx).alignedDataIntervalS;
    await configure(ctx, [{ component: 'AlignedDataCtrlr', variable: 'Interval', value: String(intervalS) }]);
    fromNow(ctx);
    await ctx.step('Steps 1-2: clock-aligned MeterValues (three intervals)', async () => {
      await collectClockAligned(ctx, { actions: ['MeterValues'], intervalS, intervals: 3 });
    });
  },
});
