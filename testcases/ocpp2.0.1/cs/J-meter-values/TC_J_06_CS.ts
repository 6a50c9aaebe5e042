/**
 * OCPP 2.0.1 Part 6 §2.11 (J MeterValues), TC_J_06_CS — Clock-aligned Meter Values, No Meter
 * Values during transaction: with AlignedDataCtrlr.SendDuringIdle true (Part 2 appendix: no
 * clock-aligned values while a transaction is ongoing) the idle station sends clock-aligned
 * MeterValues, sends no meter values at all while the transaction runs, and sends them again once
 * it ended. Part 5: C-28.
 *
 * The post-scenario validation forbids any MeterValuesRequest and any TransactionEventRequest with
 * meterValue while the transaction is active (steps 3-4): from its Started event on, on its EVSE (an
 * idle second EVSE keeps its own clock-aligned values). The sampled values a station may be
 * configured to send there (Transaction.Begin, TxUpdatedInterval) are not what the case is about,
 * so its configuration state switches them off where the station has them (restored afterwards).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, configured, fromNow, journalMark, ready } from '../_shared/case-support.js';
import { collectClockAligned } from './clock-aligned.js';

const waived = 'Part 6 TC_J_06_CS tool validations name "Step 1 & 7" only (the trace data reads the "&" as a range)';

export default defineTestCase({
  id: 'TC_J_06_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'J',
  title: 'Clock-aligned Meter Values - No Meter Values during transaction',
  useCases: ['J01'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-28' },
  validations: [
    { step: 1, checks: 'idle: clock-aligned MeterValues, context Sample.Clock, a sampledValue per AlignedDataCtrlr.Measurands entry' },
    { step: 3, checks: 'no meter values while the transaction of step 3 is active (post-scenario validation of steps 3 and 4)' },
    { step: 4, checks: 'no MeterValues and no TransactionEvent with meterValue during step 4 (post-scenario validation)' },
    { step: 7, checks: 'after the transaction: clock-aligned MeterValues again, context Sample.Clock, every configured measurand' },
    { step: 'post', checks: 'MeterValues timestamps one AlignedDataInterval apart, equal within an interval; none during the transaction' },
  ],
  waivers: [
    { step: 2, reason: `${waived}; step 2 is the OCTT's response to step 1` },
    { step: 5, reason: `${waived}; step 5 is the OCTT's response to step 4` },
    { step: 6, reason: `${waived}; step 6 runs the reusable state ParkingBayUnoccupied, whose own checks apply` },
  ],
  detects: ['aligned-values-during-transaction'],
  async run(ctx) {
    await ready(ctx);
    const intervalS = configured(ctx).alignedDataIntervalS;
    await configure(ctx, [
      { component: 'AlignedDataCtrlr', variable: 'Interval', value: String(intervalS) },
      { component: 'AlignedDataCtrlr', variable: 'SendDuringIdle', value: 'true' },
      { component: 'SampledDataCtrlr', variable: 'TxStartedMeasurands', value: '', ifImplemented: true },
      { component: 'SampledDataCtrlr', variable: 'TxUpdatedInterval', value: '0', ifImplemented: true },
    ]);
    fromNow(ctx);
    await ctx.step('Steps 1-2: clock-aligned MeterValues while idle (two intervals)', async () => {
      await collectClockAligned(ctx, { actions: ['MeterValues'], intervalS, intervals: 2, step: 1 });
    });
    const txFrom = journalMark(ctx);
    await ctx.step('Step 3: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    // Part 6: step 6 comes after <interval + 5 s>; one interval plus the tolerance covers a tick.
    await ctx.step('Step 4: the transaction runs one interval', () => ctx.sleep(intervalS * 1000 + ctx.toleranceMs));
    const txUntil = journalMark(ctx);
    await ctx.step('Steps 3-4: no meter values while the transaction is active', () => {
      // "During the transaction" is from its Started event on, and on its own EVSE: another EVSE of
      // the station stays idle and keeps sending its clock-aligned values (SendDuringIdle).
      const entries = ctx.journal().filter((e) => e.index >= txFrom && e.index < txUntil && e.kind === 'callIn');
      const started = entries.find((e) => e.kind === 'callIn' && e.action === 'TransactionEvent' && e.payload['eventType'] === 'Started');
      const txEvse = started?.kind === 'callIn' ? (started.payload['evse'] as { id?: unknown } | undefined)?.id : undefined;
      const onTxEvse = (evseId: unknown): boolean => txEvse === undefined || evseId === txEvse;
      const during = entries.filter((e) => e.kind === 'callIn' && (started === undefined || e.index > started.index) && ((e.action === 'MeterValues' && onTxEvse(e.payload['evseId'])) || (e.action === 'TransactionEvent' && e.payload['meterValue'] !== undefined)));
      const frames = during.flatMap((e) => ('frameSeq' in e && e.frameSeq !== undefined ? [e.frameSeq] : []));
      const what = during.map((e) => (e.kind === 'callIn' ? `${e.action}${e.action === 'TransactionEvent' ? ` ${String(e.payload['triggerReason'])}` : ''}` : '')).join(', ');
      ctx.check('no MeterValues and no TransactionEvent with meterValue during the transaction', during.length === 0, { expected: 'none (AlignedDataCtrlr.SendDuringIdle true)', actual: what || 'none', frames, step: 3 });
      ctx.check('no meter values during step 4', during.length === 0, { expected: 'none', actual: what || 'none', frames, step: 4 });
      return Promise.resolve();
    });
    await ctx.step('Step 6: ParkingBayUnoccupied (ends the transaction)', () => ctx.state('ParkingBayUnoccupied'));
    fromNow(ctx);
    await ctx.step('Steps 7-8: clock-aligned MeterValues again once idle (two intervals)', async () => {
      await collectClockAligned(ctx, { actions: ['MeterValues'], intervalS, intervals: 2, step: 7 });
    });
  },
});
