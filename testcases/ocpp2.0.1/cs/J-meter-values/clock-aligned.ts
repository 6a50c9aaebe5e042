/**
 * The clock-aligned meter value checks shared by TC_J_01_CS and TC_J_02_CS (Part 2 J01, Part 6
 * §2.11 tool and post-scenario validations, errata 2025-01 §6.2.15/§6.2.16): context
 * Sample.Clock, one sampledValue per configured AlignedDataCtrlr.Measurands entry (the measurand
 * may be left out for Energy.Active.Import.Register), no location EV except for SoC, and
 * timestamps on the clock-aligned grid, one interval apart, identical within one interval.
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';

interface SampledValue {
  value?: number;
  context?: string;
  measurand?: string;
  phase?: string;
  location?: string;
}

interface MeterValue {
  timestamp?: string;
  sampledValue?: SampledValue[];
}

/** Measurands a meter reports per phase when the supply has more than one (J_02 errata). */
const phased = new Set(['Current.Import', 'Current.Export', 'Current.Offered', 'Voltage', 'Power.Active.Import', 'Power.Active.Export', 'Energy.Active.Import.Register', 'Energy.Active.Export.Register']);

export interface ClockAlignedOptions {
  /**
   * Where the values may come: MeterValues (idle, TC_J_01) and/or TransactionEvent with
   * triggerReason MeterValueClock (TC_J_02 allows either).
   */
  actions: ReadonlyArray<'MeterValues' | 'TransactionEvent'>;
  intervalS: number;
  /** How many distinct clock-aligned timestamps to collect. */
  intervals: number;
  /** TC_J_02 (errata §6.2.16): per-phase values for SupplyPhases > 1; reported as a warning. */
  checkPhases?: boolean;
  /** The official step the MeterValues checks trace to (default 1; TC_J_06_CS step 7). */
  step?: number;
}

/** The next CALL (from the cursor) of any of the actions that `fits`, recorded like expectCall. */
async function nextOf(ctx: TestContext, fits: (action: string, p: JsonObject) => boolean, withinMs: number, describe: string, missAction: string): Promise<ObservedCall> {
  const from = ctx.cursor();
  const until = ctx.clock.monoMs() + withinMs;
  for (;;) {
    const hit = ctx.journal().find((e) => e.index >= from && e.kind === 'callIn' && fits(e.action, e.payload));
    if (hit && hit.kind === 'callIn') return ctx.expectCall(hit.action, { from: hit.index, withinMs: 0, windowMs: withinMs, match: (p) => p === hit.payload, describe });
    if (ctx.clock.monoMs() >= until) return ctx.expectCall(missAction, { from, withinMs: 0, windowMs: withinMs, match: () => false, describe });
    await ctx.sleep(20);
  }
}

export async function collectClockAligned(ctx: TestContext, options: ClockAlignedOptions): Promise<ObservedCall[]> {
  // The first aligned tick the station must cover: the first one a tolerance after now (a tick
  // that falls while the case starts listening may come just before or just after it).
  const startWallMs = ctx.clock.wallMs();
  // The configured measurands are what step 1/3 hold the values to: read from the station, never
  // assumed. An unanswered GetVariables fails (a CALL must be answered); an unreadable value is
  // inconclusive. SupplyPhases only gates a warning, so one phase is assumed when it is not known.
  const answer = await ctx.callExpect('GetVariables', {
    getVariableData: [
      { component: { name: 'AlignedDataCtrlr' }, variable: { name: 'Measurands' } },
      { component: { name: 'ChargingStation' }, variable: { name: 'SupplyPhases' } },
    ],
  });
  const valueOf = (component: string, variable: string): string | undefined => {
    const hit = ((answer['getVariableResult'] as JsonObject[] | undefined) ?? []).find((r) => (r['component'] as JsonObject | undefined)?.['name'] === component && (r['variable'] as JsonObject | undefined)?.['name'] === variable);
    return hit?.['attributeStatus'] === 'Accepted' && typeof hit['attributeValue'] === 'string' ? hit['attributeValue'] : undefined;
  };
  const measurandList = valueOf('AlignedDataCtrlr', 'Measurands');
  const supplyPhases = valueOf('ChargingStation', 'SupplyPhases');
  if (measurandList === undefined) ctx.inconclusive('AlignedDataCtrlr.Measurands could not be read (GetVariables): the configured measurands the values are judged against are not known');
  const measurands = measurandList.split(',').map((m) => m.trim()).filter((m) => m !== '');
  const phases = Number(supplyPhases ?? '1');
  const intervalMs = options.intervalS * 1000;
  const tolerance = ctx.toleranceMs;
  // A TransactionEvent carrying clock-aligned values is judged too (step 3: its triggerReason must
  // be MeterValueClock): one with another reason is a wrong message, not one to skip.
  const clockValues = (p: JsonObject): boolean => ((p['meterValue'] as MeterValue[] | undefined) ?? []).some((mv) => (mv.sampledValue ?? []).some((s) => s.context === 'Sample.Clock'));
  const isClockEvent = (action: string, p: JsonObject): boolean => (action === 'MeterValues' ? options.actions.includes('MeterValues') : options.actions.includes('TransactionEvent') && (p['triggerReason'] === 'MeterValueClock' || clockValues(p)));
  const describe = options.actions.map((a) => (a === 'MeterValues' ? 'MeterValues' : 'TransactionEvent with triggerReason MeterValueClock')).join(' or ');

  const calls: ObservedCall[] = [];
  const stamps: Array<{ ms: number; text: string; frame?: number }> = [];
  while (new Set(stamps.map((s) => s.ms)).size < options.intervals) {
    const call = await nextOf(ctx, isClockEvent, intervalMs + ctx.config.messageTimeoutMs, describe, options.actions[0] ?? 'MeterValues');
    calls.push(call);
    const frames = call.frameSeq === undefined ? [] : [call.frameSeq];
    // Part 6 TC_J_01/J_02 step 1 judges MeterValuesRequest, TC_J_02 step 3 TransactionEventRequest.
    const step = call.action === 'TransactionEvent' ? 3 : (options.step ?? 1);
    if (call.action === 'TransactionEvent') ctx.check('triggerReason is MeterValueClock', call.payload['triggerReason'] === 'MeterValueClock', { expected: 'MeterValueClock', actual: call.payload['triggerReason'], frames, step });
    const meterValues = (call.payload['meterValue'] as MeterValue[] | undefined) ?? [];
    ctx.check('meterValue is present', meterValues.length > 0, { expected: 'at least one meterValue', actual: meterValues.length, frames, step });
    for (const mv of meterValues) {
      const sampled = mv.sampledValue ?? [];
      // An omitted context means Sample.Periodic (Part 2 SampledValueType).
      const contexts = sampled.map((s) => s.context ?? 'Sample.Periodic (omitted)');
      ctx.check('every sampledValue has context Sample.Clock', sampled.length > 0 && contexts.every((c) => c === 'Sample.Clock'), { expected: 'context Sample.Clock', actual: contexts.join(', ') || 'no sampledValue', frames, step });
      const reported = sampled.map((s) => s.measurand ?? 'Energy.Active.Import.Register');
      const missing = measurands.filter((m) => !reported.includes(m));
      ctx.check('a sampledValue for every AlignedDataCtrlr.Measurands entry', missing.length === 0, { expected: measurands.join(', ') || 'the configured measurands', actual: missing.length ? `missing ${missing.join(', ')} (got ${reported.join(', ')})` : reported.join(', '), frames, step });
      const evLocated = sampled.filter((s) => s.location === 'EV' && s.measurand !== 'SoC');
      ctx.check('no location EV except for SoC (errata 2025-01)', evLocated.length === 0, { expected: 'location EV only for SoC', actual: evLocated.length ? evLocated.map((s) => s.measurand ?? 'Energy.Active.Import.Register').join(', ') : 'none', frames, step });
      if (options.checkPhases && phases > 1) {
        for (const m of measurands.filter((x) => phased.has(x))) {
          const phaseCount = new Set(sampled.filter((s) => (s.measurand ?? 'Energy.Active.Import.Register') === m && s.phase !== undefined).map((s) => s.phase)).size;
          ctx.check(`${m} reported for each of the ${phases} phases (errata 2025-01 §6.2.16)`, phaseCount >= phases, { expected: `${phases} phase values`, actual: `${phaseCount}`, frames, severity: 'warning' });
        }
      }
      const ms = Date.parse(mv.timestamp ?? '');
      ctx.check('meterValue timestamp is a date-time', Number.isFinite(ms), { expected: 'RFC 3339 timestamp', actual: mv.timestamp ?? 'absent', frames });
      stamps.push({ ms, text: mv.timestamp ?? '', ...(call.frameSeq === undefined ? {} : { frame: call.frameSeq }) });
    }
  }

  // Post-scenario: on the grid, one interval apart (several messages of one interval share a timestamp).
  const distinct = [...new Map(stamps.map((s) => [s.ms, s])).values()].sort((a, b) => a.ms - b.ms);
  for (const s of distinct) {
    const offset = ((s.ms % intervalMs) + intervalMs) % intervalMs;
    const off = Math.min(offset, intervalMs - offset);
    ctx.check(`timestamp ${s.text} is clock-aligned`, off <= tolerance, {
      expected: `a multiple of ${options.intervalS} s past midnight (± ${tolerance} ms)`,
      actual: `${off} ms off the grid`,
      frames: s.frame === undefined ? [] : [s.frame],
    });
  }
  const first = distinct[0];
  if (first) {
    const firstTick = Math.ceil((startWallMs + tolerance) / intervalMs) * intervalMs;
    ctx.check('no clock-aligned interval skipped at the start', first.ms <= firstTick + tolerance, {
      expected: `values stamped ${new Date(firstTick).toISOString()} (the first aligned tick, ± ${tolerance} ms)`,
      actual: `first values stamped ${first.text}`,
      frames: first.frame === undefined ? [] : [first.frame],
    });
  }
  for (let i = 1; i < distinct.length; i++) {
    const a = distinct[i - 1];
    const b = distinct[i];
    if (!a || !b) continue;
    const gap = b.ms - a.ms;
    ctx.check(`interval between timestamps ${a.text} and ${b.text}`, Math.abs(gap - intervalMs) <= tolerance, {
      expected: `${options.intervalS} s (± ${tolerance} ms)`,
      actual: `${gap} ms`,
      frames: [a.frame, b.frame].filter((f): f is number => f !== undefined),
    });
  }
  return calls;
}
