/**
 * OCPP 2.0.1 Part 6 §2.11 (J MeterValues), TC_J_09_CS — Sampled Meter Values, EventType Updated:
 * with SampledDataCtrlr.TxUpdatedInterval set, the station sends TransactionEvent Updated with
 * triggerReason MeterValuePeriodic, Sample.Periodic values for every
 * SampledDataCtrlr.TxUpdatedMeasurands entry, one interval apart (several messages of one interval
 * share its timestamp) — Part 2 J02.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import type { JsonObject, ObservedCall } from '../../../../src/engine/authoring.js';
import { checkSession } from '../E-transactions/session-checks.js';
import { expectTxEvent } from '../_shared/expect.js';
import { configure, fromNow, ready } from '../_shared/case-support.js';
import { checkIntervals, checkMeasurands, contextOf, framesOf, meterConfigured, meterValuesOf, readMeasurands, type MeterValue } from './tx-values.js';

/** Part 6: the OCTT ends the case after the configured transaction duration; three sampling moments here. */
const moments = 3;

export default defineTestCase({
  id: 'TC_J_09_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'J',
  title: 'Sampled Meter Values - EventType Updated',
  useCases: ['J02', 'E01', 'E02', 'E03', 'E09', 'E04', 'E05'],
  requirements: ['J02.FR.01', 'J02.FR.02', 'J02.FR.03', 'J02.FR.04', 'J02.FR.10', 'J02.FR.11', 'J02.FR.14', 'E02.FR.10', 'E02.FR.11', 'E03.FR.08', 'E03.FR.09', 'E04.FR.06', 'E04.FR.09', 'E11.FR.03', 'E11.FR.06', 'E12.FR.03', 'E12.FR.06'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 1, checks: 'TransactionEvent: triggerReason MeterValuePeriodic, sampledValue[0].context Sample.Periodic, a sampledValue per SampledDataCtrlr.TxUpdatedMeasurands entry' },
    { step: 'post', checks: 'timestamps of the periodic TransactionEvents one SampledDataCtrlr.TxUpdatedInterval apart (equal within one interval)' },
  ],
  detects: ['no-meter-values'],
  async run(ctx) {
    await ready(ctx);
    const intervalS = meterConfigured(ctx).sampledIntervalS;
    await configure(ctx, [{ component: 'SampledDataCtrlr', variable: 'TxUpdatedInterval', value: String(intervalS) }]);
    const measurands = await readMeasurands(ctx, 'SampledDataCtrlr', 'TxUpdatedMeasurands');
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    fromNow(ctx);
    // An event that carries periodic values is judged, whatever its triggerReason (a wrong one fails step 1).
    const periodic = (p: JsonObject): boolean => p['triggerReason'] === 'MeterValuePeriodic' || ((p['meterValue'] as MeterValue[] | undefined) ?? []).some((mv) => (mv.sampledValue ?? []).some((s) => contextOf(s) === 'Sample.Periodic'));
    const calls: ObservedCall[] = [];
    const stamps: Array<string | undefined> = [];
    await ctx.step(`Steps 1-2: periodic TransactionEvents (${moments} sampling moments)`, async () => {
      while (new Set(stamps).size < moments) {
        const te = await expectTxEvent(ctx, ctx.cursor(), 'a TransactionEvent with the sampled meter values (triggerReason MeterValuePeriodic)', periodic, intervalS * 1000 + ctx.config.messageTimeoutMs);
        calls.push(te);
        const frames = framesOf(te);
        ctx.check('triggerReason is MeterValuePeriodic', te.payload['triggerReason'] === 'MeterValuePeriodic', { expected: 'MeterValuePeriodic', actual: te.payload['triggerReason'], frames, step: 1 });
        const mvs = meterValuesOf(te);
        ctx.check('meterValue is present', mvs.length > 0, { expected: 'at least one meterValue', actual: mvs.length, frames, step: 1 });
        for (const mv of mvs) {
          const first = mv.sampledValue?.[0];
          ctx.check('sampledValue[0].context is Sample.Periodic', first !== undefined && contextOf(first) === 'Sample.Periodic', { expected: 'Sample.Periodic', actual: first ? contextOf(first) : 'no sampledValue', frames, step: 1 });
          checkMeasurands(ctx, mv, measurands, `values at ${mv.timestamp ?? '?'}`, frames, 1);
          stamps.push(mv.timestamp);
        }
      }
    });
    await ctx.step('Post scenario: one TxUpdatedInterval between the sampling moments', () => {
      checkIntervals(ctx, stamps, intervalS, 'periodic TransactionEvents', calls.flatMap(framesOf));
      return Promise.resolve();
    });
    await checkSession(ctx, { ended: false });
  },
});
