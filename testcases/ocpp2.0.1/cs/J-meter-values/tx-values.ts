/**
 * The checks shared by the block J cases that judge the meter values a transaction's own
 * TransactionEvents carry (Part 6 TC_J_03/04/07/08/09/10/11_CS): which TransactionEvent holds
 * them, the reading contexts, one sampledValue per configured measurand (the measurand may be left
 * out for Energy.Active.Import.Register), the timestamps one interval apart, and for signed
 * readings (J01.FR.21 / J02.FR.21) the signedMeterValue and its public key — with a real
 * verification of the signature where the encoding is one the harness reads (OCMF).
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { parsePublicKey, verifySignedMeterValue } from '../../../../src/engine/authoring.js';
import { configure, getVariables, transactionEvents, txInfo } from '../_shared/case-support.js';

export interface SampledValue {
  value?: number;
  context?: string;
  measurand?: string;
  phase?: string;
  location?: string;
  unitOfMeasure?: { unit?: string };
  signedMeterValue?: JsonObject;
}

export interface MeterValue {
  timestamp?: string;
  sampledValue?: SampledValue[];
}

/** Part 2 SampledValueType: an omitted measurand is Energy.Active.Import.Register, an omitted context Sample.Periodic. */
export const measurandOf = (s: SampledValue): string => s.measurand ?? 'Energy.Active.Import.Register';
export const contextOf = (s: SampledValue): string => s.context ?? 'Sample.Periodic';
export const meterValuesOf = (call: ObservedCall): MeterValue[] => (call.payload['meterValue'] as MeterValue[] | undefined) ?? [];
export const framesOf = (call: ObservedCall): number[] => (call.frameSeq === undefined ? [] : [call.frameSeq]);

/** OCTT "Configured …" values of the J cases (extra.*; defaults from the run's short or long periods). */
export function meterConfigured(ctx: TestContext): {
  /** <Configured sampled Meter Values Updated interval>. */
  sampledIntervalS: number;
  /** <Configured sampled_tx_ended_meter_values_interval>. */
  sampledTxEndedIntervalS: number;
  /** <Configured clock_aligned_tx_ended_meter_values_interval>. */
  alignedTxEndedIntervalS: number;
  /** <Configured transaction duration>, 0 = not configured. */
  transactionDurationS: number;
} {
  const num = (name: string): number | undefined => {
    const v = ctx.config.extra[name];
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined;
    return n !== undefined && Number.isFinite(n) && n >= 0 ? n : undefined;
  };
  const sampled = num('sampledMeterValuesIntervalS') ?? ctx.config.meterValueSampleIntervalS ?? Math.max(1, ctx.config.heartbeatIntervalS);
  const aligned = num('clockAlignedTxEndedIntervalS') ?? ctx.config.clockAlignedDataIntervalS ?? Math.max(1, ctx.config.heartbeatIntervalS);
  return {
    sampledIntervalS: Math.max(1, sampled),
    sampledTxEndedIntervalS: Math.max(1, num('sampledTxEndedIntervalS') ?? sampled),
    alignedTxEndedIntervalS: Math.max(1, aligned),
    transactionDurationS: num('transactionDurationS') ?? 0,
  };
}

/**
 * The configured measurands of a MemberList variable; inconclusive when the station does not
 * report it (the values cannot be judged). Part 6 leaves these as the station has them; an empty
 * list leaves nothing to judge, so it is set to `extra.meterMeasurands` (default
 * Energy.Active.Import.Register, which every energy meter has; Part 5 C-40 asks for at least one)
 * and put back by the §2.1 restore.
 */
export async function readMeasurands(ctx: TestContext, component: string, variable: string): Promise<string[]> {
  const [value] = await getVariables(ctx, [{ component, variable }]);
  if (value === undefined) ctx.inconclusive(`${component}.${variable} could not be read (GetVariables): the configured measurands the values are judged against are not known`);
  const list = value.split(',').map((m) => m.trim()).filter((m) => m !== '');
  if (list.length > 0) return list;
  const given = ctx.config.extra['meterMeasurands'];
  const wanted = typeof given === 'string' && given.trim() !== '' ? given : 'Energy.Active.Import.Register';
  await configure(ctx, [{ component, variable, value: wanted }]);
  return wanted.split(',').map((m) => m.trim()).filter((m) => m !== '');
}

/**
 * The transaction of the case: wait `minS` (at least the configured transaction duration) while it
 * runs, so the interval values have something to cover. Part 6: "executed after the <Configured
 * transaction duration> is reached".
 */
export async function letTransactionRun(ctx: TestContext, minS: number): Promise<void> {
  const seconds = Math.max(minS, meterConfigured(ctx).transactionDurationS);
  await ctx.step(`Transaction runs ${seconds} s (the configured transaction duration)`, () => ctx.sleep(seconds * 1000));
}

/** The Ended event of the case's transaction (the last transaction the case saw). */
export function endedEvent(ctx: TestContext): ObservedCall {
  const events = transactionEvents(ctx);
  const ended = events.filter((e) => e.payload['eventType'] === 'Ended').at(-1);
  if (!ended) ctx.fail('no TransactionEvent with eventType Ended: the transaction did not end');
  return ended;
}

/** The events of the transaction of `call`, in arrival order. */
export function eventsOfTransaction(ctx: TestContext, call: ObservedCall): ObservedCall[] {
  const id = txInfo(call).transactionId;
  return id === undefined ? [call] : transactionEvents(ctx, id);
}

/** Every configured measurand has a sampledValue in this meterValue element. */
export function checkMeasurands(ctx: TestContext, mv: MeterValue, measurands: readonly string[], what: string, frames: number[], step?: number): void {
  const reported = (mv.sampledValue ?? []).map(measurandOf);
  const missing = measurands.filter((m) => !reported.includes(m));
  ctx.check(`${what}: a sampledValue per configured measurand`, missing.length === 0, {
    expected: measurands.join(', ') || 'the configured measurands',
    actual: missing.length ? `missing ${missing.join(', ')} (got ${reported.join(', ') || 'none'})` : reported.join(', '),
    frames,
    ...(step === undefined ? {} : { step }),
  });
}

/**
 * Timestamps of successive collection moments one interval apart (± tolerance); several elements
 * of one moment share a timestamp. Returns the distinct timestamps.
 */
export function checkIntervals(ctx: TestContext, stamps: ReadonlyArray<string | undefined>, intervalS: number, what: string, frames: number[], step?: number): number[] {
  const ms = [...new Set(stamps.map((s) => Date.parse(s ?? '')))].sort((a, b) => a - b);
  ctx.check(`${what}: timestamps are date-times`, ms.every((m) => Number.isFinite(m)), { expected: 'RFC 3339 timestamps', actual: stamps.join(', '), frames, ...(step === undefined ? {} : { step }) });
  for (let i = 1; i < ms.length; i++) {
    const gap = (ms[i] ?? 0) - (ms[i - 1] ?? 0);
    ctx.check(`${what}: interval between ${new Date(ms[i - 1] ?? 0).toISOString()} and ${new Date(ms[i] ?? 0).toISOString()}`, Math.abs(gap - intervalS * 1000) <= ctx.toleranceMs, {
      expected: `${intervalS} s (± ${ctx.toleranceMs} ms)`,
      actual: `${gap} ms`,
      frames,
      ...(step === undefined ? {} : { step }),
    });
  }
  return ms;
}

/**
 * The Ended event's interval values (Part 6 TC_J_03/04/10/11 post-scenario): meterValue present,
 * the first element's first sampledValue in `context`, every element either in `context` or
 * Transaction.End (the closing reading, which TC_J_10/11 require and TC_J_03 allows) or one of
 * `alsoAllowed` (the other controller's values where the case leaves them on), at least one
 * element per collection moment with every configured measurand, one interval apart.
 */
export function checkEndedIntervalValues(ctx: TestContext, ended: ObservedCall, o: { context: 'Sample.Clock' | 'Sample.Periodic'; measurands: readonly string[]; intervalS: number; transactionEnd: 'required' | 'allowed'; variable: string; alsoAllowed?: readonly string[] }): MeterValue[] {
  const frames = framesOf(ended);
  const mvs = meterValuesOf(ended);
  ctx.check('TransactionEvent Ended contains meterValue', mvs.length > 0, { expected: 'meterValue present', actual: mvs.length === 0 ? 'absent' : `${mvs.length} elements`, frames });
  // Values of the other controller (its TxEnded measurands left as configured) are not judged here.
  const other = new Set(o.alsoAllowed ?? []);
  const first = mvs.find((mv) => !other.has(contextOf(mv.sampledValue?.[0] ?? {})))?.sampledValue?.[0];
  ctx.check(`meterValue[0].sampledValue[0].context is ${o.context}`, first !== undefined && contextOf(first) === o.context, { expected: o.context, actual: first ? contextOf(first) : 'no sampledValue', frames });
  const contexts = mvs.flatMap((mv) => (mv.sampledValue ?? []).map(contextOf));
  ctx.check(`every sampledValue is ${o.context} or Transaction.End`, contexts.every((c) => c === o.context || c === 'Transaction.End' || other.has(c)), { expected: [o.context, 'Transaction.End', ...other].join(' / '), actual: [...new Set(contexts)].join(', ') || 'none', frames });
  if (o.transactionEnd === 'required') ctx.check('one sampledValue has context Transaction.End', contexts.includes('Transaction.End'), { expected: 'a Transaction.End reading', actual: [...new Set(contexts)].join(', ') || 'none', frames });
  const interval = mvs.filter((mv) => (mv.sampledValue ?? []).some((s) => contextOf(s) === o.context));
  ctx.check(`at least one ${o.context} collection moment in the Ended event`, interval.length > 0, { expected: `values every ${o.intervalS} s (${o.variable})`, actual: `${interval.length} elements`, frames });
  for (const mv of interval) checkMeasurands(ctx, { sampledValue: (mv.sampledValue ?? []).filter((s) => contextOf(s) === o.context) }, o.measurands, `${o.context} values at ${mv.timestamp ?? '?'}`, frames);
  checkIntervals(ctx, interval.map((mv) => mv.timestamp), o.intervalS, `${o.context} values of the Ended event`, frames);
  return mvs;
}

/**
 * Signed readings (Part 6 TC_J_04/J_11 post-scenario): signedMeterValue present on each of
 * `required`, publicKey present and — per OCPPCommCtrlr.PublicKeyWithSignedMeterValue — "" or a
 * valid public key; every signature the harness can read is verified over the reported reading.
 */
export async function checkSignedValues(ctx: TestContext, ended: ObservedCall, required: (s: SampledValue) => boolean): Promise<void> {
  const [mode] = await getVariables(ctx, [{ component: 'OCPPCommCtrlr', variable: 'PublicKeyWithSignedMeterValue' }]);
  const frames = framesOf(ended);
  // A key the station sent earlier in the transaction (OncePerTransaction) or a configured one.
  const configuredKey = typeof ctx.config.extra['meterPublicKey'] === 'string' ? (ctx.config.extra['meterPublicKey']) : undefined;
  const keys = eventsOfTransaction(ctx, ended)
    .flatMap(meterValuesOf)
    .flatMap((mv) => mv.sampledValue ?? [])
    .map((s) => s.signedMeterValue?.['publicKey'])
    .filter((k): k is string => typeof k === 'string' && k !== '');
  const sampled = meterValuesOf(ended).flatMap((mv) => mv.sampledValue ?? []);
  const needing = sampled.filter(required);
  const unsigned = needing.filter((s) => s.signedMeterValue === undefined);
  ctx.check('sampledValue.signedMeterValue is present', needing.length > 0 && unsigned.length === 0, {
    expected: 'a signedMeterValue on every signed reading',
    actual: needing.length === 0 ? 'no reading to sign' : unsigned.length ? `${unsigned.length} of ${needing.length} without signedMeterValue` : `${needing.length} signed`,
    frames,
  });
  for (const s of sampled.filter((x) => x.signedMeterValue !== undefined)) {
    const smv = s.signedMeterValue ?? {};
    const key = smv['publicKey'];
    const label = `${measurandOf(s)} ${contextOf(s)}`;
    ctx.check(`${label}: signedMeterValue.publicKey exists`, typeof key === 'string', { expected: '"" or a public key', actual: typeof key === 'string' ? (key === '' ? '""' : 'a key') : 'absent', frames });
    if (typeof key !== 'string') continue;
    if (key !== '') ctx.check(`${label}: publicKey is a valid public key`, parsePublicKey(key) !== undefined, { expected: 'a public key (DER SPKI, Base64 / hex, or PEM)', actual: key.slice(0, 40), frames });
    if (mode === 'Never') ctx.check(`${label}: publicKey "" (PublicKeyWithSignedMeterValue Never)`, key === '', { expected: '""', actual: key === '' ? '""' : 'a key', frames });
    if (mode === 'EveryMeterValue') ctx.check(`${label}: publicKey sent (PublicKeyWithSignedMeterValue EveryMeterValue)`, key !== '', { expected: 'a public key', actual: key === '' ? '""' : 'a key', frames });
    const verdict = verifySignedMeterValue(smv, key !== '' ? key : (keys[0] ?? configuredKey), typeof s.value === 'number' ? { value: s.value, ...(s.unitOfMeasure?.unit ? { unit: s.unitOfMeasure.unit } : {}) } : undefined);
    // A format the harness cannot read is not the station's fault: a warning, never a pass claim.
    ctx.check(`${label}: signature over the reading`, verdict.status === 'verified', { expected: 'a signature that verifies over the reported reading', actual: verdict.detail, frames, ...(verdict.status === 'unverifiable' ? { severity: 'warning' as const } : {}) });
  }
  if (mode === 'OncePerTransaction') ctx.check('a public key sent once in the transaction (PublicKeyWithSignedMeterValue OncePerTransaction)', keys.length > 0, { expected: 'one signedMeterValue with a publicKey', actual: `${keys.length}`, frames });
}
