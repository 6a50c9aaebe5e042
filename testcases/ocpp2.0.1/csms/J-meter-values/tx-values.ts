/**
 * The meter values the simulated station puts into its TransactionEvents for the block J `_CSMS`
 * cases (Part 6 TC_J_03..J_11_CSMS): Transaction.Begin readings, the TxEnded values collected
 * during a transaction (clock-aligned or sampled, one interval apart, closed by Transaction.End),
 * optionally signed with the simulated meter's key (OCMF, <Generated SignedMeterValueType>).
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { createMeterSigningKey, signMeterReading } from '../../../../src/engine/authoring.js';
import { extraNumber, nowIso, reportStatus, sendTransactionEvent, stationOf } from '../_shared/station.js';

/** The simulated meter's key, one per process (a meter keeps its key). */
let meterKey: ReturnType<typeof createMeterSigningKey> | undefined;

/** OCTT "Configured …" intervals of the J `_CSMS` cases (extra.*, short in the demo). */
export function intervalsOf(ctx: TestContext): { alignedTxEndedMs: number; sampledTxEndedMs: number; sampledMs: number } {
  const base = ctx.config.clockAlignedDataIntervalS ?? ctx.config.heartbeatIntervalS;
  const sampled = ctx.config.meterValueSampleIntervalS ?? ctx.config.heartbeatIntervalS;
  return {
    alignedTxEndedMs: Math.max(1, extraNumber(ctx, 'clockAlignedTxEndedIntervalS', base)) * 1000,
    sampledTxEndedMs: Math.max(1, extraNumber(ctx, 'sampledTxEndedIntervalS', sampled)) * 1000,
    sampledMs: Math.max(1, extraNumber(ctx, 'sampledMeterValuesIntervalS', sampled)) * 1000,
  };
}

/** One energy register reading; `signed` adds a SignedMeterValueType over it. */
export function reading(ctx: TestContext, context: string, wh: number, atMs: number, signed = false): JsonObject {
  const timestamp = new Date(atMs).toISOString();
  const value: JsonObject = { value: wh, context, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } };
  if (signed) {
    meterKey ??= createMeterSigningKey();
    const transactionId = stationOf(ctx).transaction?.transactionId;
    value['signedMeterValue'] = signMeterReading({ timestamp, value: wh, unit: 'Wh', context, ...(transactionId ? { transactionId } : {}) }, meterKey);
  }
  return { timestamp, sampledValue: [value] };
}

/**
 * The TxEnded values of a transaction that started at `startMs`: let it run until two collection
 * moments have passed (at least the configured transaction duration), then one reading per moment
 * (`aligned`: on the clock grid; else every interval from the start) and a Transaction.End reading.
 */
export async function txEndedValues(ctx: TestContext, o: { startMs: number; intervalMs: number; aligned: boolean; context: 'Sample.Clock' | 'Sample.Periodic'; signed: boolean }): Promise<JsonObject[]> {
  const first = o.aligned ? Math.ceil((o.startMs + 1) / o.intervalMs) * o.intervalMs : o.startMs + o.intervalMs;
  const until = Math.max(first + o.intervalMs, o.startMs + extraNumber(ctx, 'transactionDurationS', 0) * 1000);
  const waitMs = until - ctx.clock.wallMs() + 20;
  if (waitMs > 0) await ctx.sleep(waitMs);
  const out: JsonObject[] = [];
  let wh = 1000;
  for (let t = first; t <= ctx.clock.wallMs(); t += o.intervalMs) out.push(reading(ctx, o.context, (wh += 250), t, o.signed));
  out.push(reading(ctx, 'Transaction.End', wh + 100, ctx.clock.wallMs(), o.signed));
  return out;
}

/** Part 6 reusable state EVDisconnected, with the Ended event carrying `meterValue` (the case's values). */
export async function evDisconnectedWith(ctx: TestContext, meterValue: JsonObject[]): Promise<void> {
  const station = stationOf(ctx);
  if (station.transaction?.chargingState !== 'EVConnected' || station.transaction.authorized) await ctx.state('EVConnectedPostSession');
  station.evConnected = false;
  await reportStatus(ctx, ctx.config.evseId, ctx.config.connectorId, 'Available');
  await sendTransactionEvent(ctx, { eventType: 'Ended', triggerReason: 'EVCommunicationLost', chargingState: 'Idle', stoppedReason: 'EVDisconnected', meterValue });
}

/** Part 6 reusable state EVConnectedPreSession, with the TransactionEvent carrying Transaction.Begin values. */
export async function evConnectedPreSessionWithBegin(ctx: TestContext): Promise<void> {
  const station = stationOf(ctx);
  station.evConnected = true;
  await reportStatus(ctx, ctx.config.evseId, ctx.config.connectorId, 'Occupied');
  await sendTransactionEvent(ctx, {
    eventType: station.transaction ? 'Updated' : 'Started',
    triggerReason: 'CablePluggedIn',
    chargingState: 'EVConnected',
    withEvse: true,
    meterValue: [reading(ctx, 'Transaction.Begin', 1000, Date.parse(nowIso(ctx)))],
  });
}
