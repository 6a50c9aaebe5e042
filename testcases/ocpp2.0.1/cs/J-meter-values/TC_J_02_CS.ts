/**
 * OCPP 2.0.1 Part 6 §2.11 (J MeterValues), TC_J_02_CS — Clock-aligned Meter Values, Transaction
 * ongoing. During an energy transfer the clock-aligned values come in TransactionEvent (triggerReason
 * MeterValueClock) or MeterValues, context Sample.Clock, one per AlignedDataCtrlr.Measurands entry,
 * on the clock-aligned grid (Part 2 J01). Errata 2025-01 §6.2.15 (no location EV except SoC) and
 * §6.2.16 (values per phase of SupplyPhases, RegisterValuesWithoutPhases false; reported as a
 * warning, see clock-aligned.ts).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkSession } from '../E-transactions/session-checks.js';
import { configure, configured, fromNow, ready } from '../_shared/case-support.js';
import { collectClockAligned } from './clock-aligned.js';

export default defineTestCase({
  id: 'TC_J_02_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'J',
  title: 'Clock-aligned Meter Values - Transaction ongoing',
  useCases: ['J01'],
  requirements: ['J01.FR.01', 'J01.FR.02', 'J01.FR.03', 'J01.FR.06', 'J01.FR.07', 'J01.FR.08', 'J01.FR.14', 'J01.FR.15'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 1, checks: 'clock-aligned meter values during the transaction (three intervals)' },
    { step: 3, checks: 'clock-aligned meter values during the transaction (three intervals)' },
    { step: 'post', checks: 'TransactionEvent and MeterValues timestamps on the AlignedDataInterval grid, one interval apart, equal within an interval' },
  ],
  detects: ['no-clock-aligned-meter-values'],
  async run(ctx) {
    await ready(ctx);
    const intervalS = configured(ctx).alignedDataIntervalS;
    await configure(ctx, [
      { component: 'AlignedDataCtrlr', variable: 'Interval', value: String(intervalS) },
      { component: 'AlignedDataCtrlr', variable: 'SendDuringIdle', value: 'false', ifImplemented: true },
      { component: 'SampledDataCtrlr', variable: 'RegisterValuesWithoutPhases', value: 'false', ifImplemented: true },
    ]);
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    fromNow(ctx);
    await ctx.step('Steps 1-4: clock-aligned meter values during the transaction (three intervals)', async () => {
      await collectClockAligned(ctx, { actions: ['TransactionEvent', 'MeterValues'], intervalS, intervals: 3, checkPhases: true });
    });
    await checkSession(ctx, { ended: false });
  },
});
