/**
 * What TC_070_CS (sampled) and TC_071_CS (clock-aligned) share (OCTT 1.6 document §2.9): the
 * measurands a configuration key lists (empty: Energy.Active.Import.Register, 1.6 §9.1), and the
 * step 3 checks over the MeterValues.req of three intervals after the transaction started: the
 * timestamps an interval apart, the reading context, every configured measurand present.
 */
import type { ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { framesOf, getConfiguration } from '../_shared/charge-point.js';

const defaultMeasurand = 'Energy.Active.Import.Register';

/** The measurands of a CSL configuration key (1.6 §9.1 MeterValuesSampledData / MeterValuesAlignedData). */
export async function configuredMeasurands(ctx: TestContext, key: string): Promise<string[]> {
  return ctx.step(`Reusable state GetConfiguration for ${key}`, async () => {
    const value = (await getConfiguration(ctx, [key])).get(key)?.value ?? '';
    const list = value.split(',').map((m) => m.trim()).filter((m) => m !== '');
    return list.length > 0 ? list : [defaultMeasurand];
  });
}

interface Reading {
  call: ObservedCall;
  atMs: number;
  contexts: string[];
  measurands: string[];
}

function readingOf(call: ObservedCall): Reading | undefined {
  const values = (call.payload['meterValue'] as Array<{ timestamp?: string; sampledValue?: Array<{ context?: string; measurand?: string }> }> | undefined) ?? [];
  const first = values[0];
  const atMs = first?.timestamp === undefined ? Number.NaN : Date.parse(first.timestamp);
  if (!first || Number.isNaN(atMs)) return undefined;
  const sampled = values.flatMap((v) => v.sampledValue ?? []);
  // 1.6 §7.31: an absent context is Sample.Periodic, an absent measurand Energy.Active.Import.Register.
  return { call, atMs, contexts: sampled.map((s) => s.context ?? 'Sample.Periodic'), measurands: sampled.map((s) => s.measurand ?? defaultMeasurand) };
}

/**
 * Wait three intervals after the StartTransaction.req (plus the tolerance), then hold the
 * connector's MeterValues.req of that time against step 3.
 */
export async function checkMeterValues(ctx: TestContext, options: { start: ObservedCall; intervalS: number; context: 'Sample.Periodic' | 'Sample.Clock'; measurands: readonly string[]; aligned: boolean }): Promise<void> {
  const { start, intervalS, context, measurands, aligned } = options;
  const connectorId = start.payload['connectorId'];
  const periodMs = intervalS * 1000;
  const untilMs = start.monoMs + 3 * periodMs + ctx.toleranceMs;
  const collect = (): ObservedCall[] =>
    ctx.journal().flatMap((e) => (e.index > start.index && e.kind === 'callIn' && e.action === 'MeterValues' && e.payload['connectorId'] === connectorId ? [{ action: e.action, messageId: e.messageId, payload: e.payload, monoMs: e.monoMs, index: e.index, ...(e.frameSeq === undefined ? {} : { frameSeq: e.frameSeq }) }] : []));
  // Three intervals give three readings; the wait ends with the third or at the deadline.
  while (ctx.clock.monoMs() < untilMs && collect().length < 3) await ctx.sleep(50);
  const calls = collect();
  const readings = calls.flatMap((c) => readingOf(c) ?? []);
  ctx.check(`MeterValues.req during three intervals of ${intervalS} s`, readings.length >= 2, { expected: 'at least 2 (about 3)', actual: `${readings.length}`, frames: framesOf(...calls), step: 3 });
  for (let i = 1; i < readings.length; i++) {
    const prev = readings[i - 1];
    const next = readings[i];
    if (!prev || !next) continue;
    const gapMs = next.atMs - prev.atMs;
    ctx.check('meterValue.timestamp an interval after the previous one', Math.abs(gapMs - periodMs) <= ctx.toleranceMs, { expected: `${intervalS} s ± ${ctx.toleranceMs} ms`, actual: `${gapMs} ms`, frames: framesOf(prev.call, next.call), step: 3 });
  }
  for (const r of readings) {
    if (aligned) {
      const offMs = r.atMs % periodMs;
      const distanceMs = Math.min(offMs, periodMs - offMs);
      ctx.check('meterValue.timestamp on the clock-aligned grid', distanceMs <= ctx.toleranceMs, { expected: `a multiple of ${intervalS} s past the hour (± ${ctx.toleranceMs} ms)`, actual: `${distanceMs} ms off the grid`, frames: framesOf(r.call), step: 3 });
    }
    const wrong = r.contexts.filter((c) => c !== context);
    ctx.check(`sampledValue.context is ${context}`, wrong.length === 0 && r.contexts.length > 0, { expected: context, actual: r.contexts.join(', ') || 'no sampledValue', frames: framesOf(r.call), step: 3 });
    const missing = measurands.filter((m) => !r.measurands.includes(m));
    ctx.check('a sampledValue for every configured measurand', missing.length === 0, { expected: measurands.join(', '), actual: missing.length === 0 ? r.measurands.join(', ') : `missing ${missing.join(', ')}`, frames: framesOf(r.call), step: 3 });
  }
}
