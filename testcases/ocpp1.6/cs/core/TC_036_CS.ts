/**
 * OCPP 1.6 TC_036_CS — Connection Loss During Transaction (OCTT 1.6 document §2.14.1): the
 * sampled meter values of a transaction taken while the connection is lost are queued (1.6 §3.7:
 * transaction-related messages; §4.7) and sent after the reconnection, all of them before any new
 * one, in chronological order, MeterValueSampleInterval apart.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import type { ObservedCall } from '../../../../src/engine/authoring.js';
import { framesOf, setConfiguration } from '../_shared/charge-point.js';
import { meterValueSampleIntervalS, removeConnectivity, restoreConnectivity } from './_states-extra.js';

interface MeterValue {
  timestamp?: string;
  sampledValue?: Array<{ context?: string }>;
}

/** The timestamps (ms) of the sampled (Sample.Periodic, the default context) meterValue entries of a MeterValues.req. */
function stampsOf(call: ObservedCall): number[] {
  const values = (call.payload['meterValue'] as MeterValue[] | undefined) ?? [];
  return values.filter((v) => (v.sampledValue ?? []).every((s) => (s.context ?? 'Sample.Periodic') === 'Sample.Periodic')).map((v) => Date.parse(String(v.timestamp)));
}

export default defineTestCase({
  id: 'TC_036_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Offline behavior Non-Happy Flow',
  title: 'Connection Loss During Transaction',
  useCases: ['Meter Values'],
  requirements: ['OCPP 1.6 §3.7', 'OCPP 1.6 §4.7'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [{ step: 1, checks: 'after the reconnection: the meter values taken offline (at least 3), before any new one, in chronological order, MeterValueSampleInterval apart' }],
  detects: ['meter-values-lost-offline'],
  async run(ctx) {
    const intervalS = meterValueSampleIntervalS(ctx);
    const connectorId = ctx.config.connectorId;
    // Configuration state first, then the reusable state Charging (as the document lists them).
    await ctx.step(`Configuration state: MeterValueSampleInterval ${intervalS}`, () => setConfiguration(ctx, 'MeterValueSampleInterval', String(intervalS), { required: true }));
    await ctx.state('Charging');
    const offline = await ctx.step(`Remove connectivity for at least 3 sample intervals (${3.5 * intervalS} s)`, async () => {
      await removeConnectivity(ctx);
      const fromMs = ctx.clock.wallMs();
      await ctx.sleep(3.5 * intervalS * 1000);
      return { fromMs, toMs: ctx.clock.wallMs() };
    });
    await ctx.step('Restore connectivity', () => restoreConnectivity(ctx));
    await ctx.step('Steps 1-2: the queued MeterValues.req first, in chronological order, MeterValueSampleInterval apart', async () => {
      const calls: ObservedCall[] = [];
      const queued = (): number => calls.flatMap(stampsOf).filter((t) => t >= offline.fromMs && t <= offline.toMs).length;
      // Up to the first one taken after the reconnection: every queued one must come before it.
      while (calls.flatMap(stampsOf).every((t) => t <= offline.toMs) && calls.length < 50) {
        calls.push(await ctx.expectCall('MeterValues', { match: { connectorId }, withinMs: ctx.config.messageTimeoutMs + intervalS * 1000, step: 1 }));
      }
      const stamps = calls.flatMap(stampsOf);
      const frames = framesOf(...calls);
      ctx.check('every meterValue has a valid timestamp', stamps.every((t) => Number.isFinite(t)), { expected: 'RFC 3339 timestamps', actual: calls.flatMap((c) => ((c.payload['meterValue'] as MeterValue[] | undefined) ?? []).map((v) => v.timestamp)).join(', '), frames, step: 1 });
      ctx.check('at least 3 meter values taken while offline were sent', queued() >= 3, { expected: '>= 3 with a timestamp in the offline period', actual: queued(), frames, step: 1 });
      const order = stamps.every((t, i) => i === 0 || t >= (stamps[i - 1] ?? t));
      ctx.check('chronological order, the queued ones before any new one', order, { expected: 'non-decreasing timestamps', actual: stamps.map((t) => new Date(t).toISOString()).join(', '), frames, step: 1 });
      const gaps = stamps.slice(1).map((t, i) => t - (stamps[i] ?? t));
      const off = gaps.filter((g) => Math.abs(g - intervalS * 1000) > ctx.toleranceMs);
      ctx.check(`timestamps ${intervalS} s apart`, off.length === 0, { expected: `${intervalS * 1000} ms ± ${ctx.toleranceMs} ms`, actual: gaps.map((g) => `${g} ms`).join(', '), frames, step: 1 });
    });
  },
});
