/**
 * What the E cases about the transaction message queue share (Part 6 TC_E_29/31/33/40/43/44/45_CS,
 * Part 2 E11, E12, E14): the OCTT "Configured …" values and Configuration State of an offline
 * period, taking the station offline and back, holding the answers to its queued TransactionEvents
 * until a GetTransactionStatus is answered (Part 6: "executed the moment the WebSocket connection
 * is restored"), and telling the events queued while offline from those sent once it is back.
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { tokenStatus } from '../../../../src/engine/authoring.js';
import type { Setting } from '../_shared/case-support.js';
import { callsIn, frames, journalEnd, num, obj, str, type CallInEntry } from '../_shared/journal.js';
import { goOffline } from '../_shared/offline.js';

export interface OfflineValues {
  /** <Configured transaction_updated_metervalues_interval>, seconds. */
  txUpdatedIntervalS: number;
  /** <Configured transaction_updated_metervalues_measurands>. */
  txUpdatedMeasurands: string;
  /** <Configured RetryBackOffWaitMinimum_duration>, seconds (Part 6: greater than the meter value interval). */
  retryBackOffS: number;
  /** <Configured Transaction Duration>, seconds (time for the manual actions while offline). */
  transactionDurationS: number;
}

/** From the run configuration's `extra` (txUpdatedIntervalS, txUpdatedMeasurands, retryBackOffWaitMinimumS, transactionDurationS). */
export function offlineValues(ctx: TestContext): OfflineValues {
  const x = ctx.config.extra;
  const txUpdatedIntervalS = Math.max(1, Math.round(num(x['txUpdatedIntervalS']) ?? 1));
  return {
    txUpdatedIntervalS,
    txUpdatedMeasurands: str(x['txUpdatedMeasurands']) ?? 'Energy.Active.Import.Register',
    retryBackOffS: Math.max(txUpdatedIntervalS + 1, Math.round(num(x['retryBackOffWaitMinimumS']) ?? 0)),
    transactionDurationS: Math.max(0, num(x['transactionDurationS']) ?? 0),
  };
}

/** Part 6 "SampledDataTxUpdatedMeasurands / Interval is <Configured …>". */
export function meterSettings(v: OfflineValues): Setting[] {
  return [
    { component: 'SampledDataCtrlr', variable: 'TxUpdatedMeasurands', value: v.txUpdatedMeasurands },
    { component: 'SampledDataCtrlr', variable: 'TxUpdatedInterval', value: String(v.txUpdatedIntervalS) },
  ];
}

/** Part 6 "OfflineThreshold is <backOff> + 60.0, RetryBackOffWaitMinimum is <backOff>, RetryBackOffRandomRange is 0". */
export function backOffSettings(backOffS: number): Setting[] {
  return [
    { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', value: String(backOffS + 60) },
    { component: 'OCPPCommCtrlr', variable: 'RetryBackOffWaitMinimum', value: String(backOffS) },
    { component: 'OCPPCommCtrlr', variable: 'RetryBackOffRandomRange', value: '0' },
  ];
}

/** The harness's usual answer to a TransactionEvent (idTokenInfo by the configured tokens). */
function usualAnswer(ctx: TestContext, payload: JsonObject): JsonObject {
  const token = str(obj(payload['idToken'])?.['idToken']);
  if (token === undefined) return {};
  const status = tokenStatus(ctx.config, token);
  return { idTokenInfo: status === 'Accepted' ? { status, groupIdToken: { idToken: ctx.config.groupId, type: 'Central' } } : { status } };
}

/**
 * Hold the answers to TransactionEvent until `release()` (bounded by a quarter of the harness's message
 * timeout, well inside a station's own MessageTimeout): the queue the station
 * empties after a reconnection is still there when the GetTransactionStatus is answered.
 */
export function holdTransactionEvents(ctx: TestContext): () => void {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let released = false;
  ctx.respond('TransactionEvent', async (call) => {
    if (!released) await Promise.race([gate, ctx.sleep(ctx.config.messageTimeoutMs / 4)]);
    return usualAnswer(ctx, call.payload);
  });
  return () => {
    released = true;
    open();
  };
}

/** Step 1 of these cases: the OCTT closes the connection and refuses reconnects. Returns the journal mark. */
export async function closeAndRefuse(ctx: TestContext, reason: string): Promise<number> {
  await goOffline(ctx, reason);
  return journalEnd(ctx);
}

/**
 * Accept the station again and wait for its connection. Returns the wall-clock time the harness
 * started accepting: no event timestamped before it can have been sent online.
 */
export async function acceptReconnect(ctx: TestContext): Promise<{ acceptedWallMs: number; from: number }> {
  const acceptedWallMs = ctx.clock.wallMs();
  const from = journalEnd(ctx);
  ctx.refuseConnections(false);
  await ctx.peer();
  return { acceptedWallMs, from };
}

/** The last (re)connection of the station, as `acceptReconnect` returns it, when a state accepted it. */
export function lastConnection(ctx: TestContext): { acceptedWallMs: number; from: number } {
  const e = ctx.journal().findLast((x) => x.kind === 'connected');
  if (!e) return { acceptedWallMs: ctx.clock.wallMs(), from: journalEnd(ctx) };
  return { acceptedWallMs: ctx.clock.wallMs() - (ctx.clock.monoMs() - e.monoMs), from: e.index };
}

/**
 * The TransactionEvents the station sends after the reconnection that it queued while offline
 * (timestamped before the harness accepted it again), after waiting until the first one came and
 * the station then went quiet. Events timestamped later were sent online and are not judged here.
 */
export async function queuedEvents(ctx: TestContext, back: { acceptedWallMs: number; from: number }, { step }: { step: number }): Promise<CallInEntry[]> {
  await ctx.expectCall('TransactionEvent', {
    from: back.from,
    withinMs: ctx.config.connectTimeoutMs + ctx.config.messageTimeoutMs,
    describe: 'the TransactionEvents the station queued while offline',
    anyOrder: 'Part 6 note: "The Charging Station will empty its Transaction message queue. This will contain one or more TransactionEventRequest messages"',
    step,
  });
  await drained(ctx, back);
  const before = (e: CallInEntry): boolean => {
    const at = Date.parse(String(e.payload['timestamp']));
    return Number.isFinite(at) && at <= back.acceptedWallMs;
  };
  const queued = callsIn(ctx.journal(), 'TransactionEvent').filter((e) => e.index >= back.from && before(e));
  ctx.check('TransactionEvents queued while offline were sent after the reconnection', queued.length > 0, {
    expected: 'at least one TransactionEvent timestamped before the reconnection',
    actual: `${queued.length}`,
    frames: callsIn(ctx.journal(), 'TransactionEvent').filter((e) => e.index >= back.from).flatMap((e) => frames(observed(e))),
    step,
  });
  return queued;
}

/**
 * Until the queue is through: the latest TransactionEvent is timestamped after the reconnection
 * (the queue is sent in order, so everything older came before it), or none came for a while;
 * bounded by the message timeout.
 */
async function drained(ctx: TestContext, back: { acceptedWallMs: number; from: number }): Promise<void> {
  const quietMs = 1_000 + ctx.toleranceMs / 2;
  const until = ctx.clock.monoMs() + ctx.config.messageTimeoutMs;
  for (;;) {
    const last = callsIn(ctx.journal(), 'TransactionEvent').filter((e) => e.index >= back.from).at(-1);
    if (!last || ctx.clock.monoMs() - last.monoMs >= quietMs || ctx.clock.monoMs() >= until) return;
    if (Date.parse(String(last.payload['timestamp'])) > back.acceptedWallMs) return;
    await ctx.sleep(50);
  }
}

export function observed(e: CallInEntry): ObservedCall {
  return { action: e.action, messageId: e.messageId, payload: e.payload, monoMs: e.monoMs, index: e.index, ...(e.frameSeq === undefined ? {} : { frameSeq: e.frameSeq }) };
}

/** Part 6 "offline must be true" (and, per case, "eventType must be …", "meterValues must be present") on each event. */
export function checkQueued(ctx: TestContext, events: readonly CallInEntry[], want: { step: number; eventType?: string; meterValues?: boolean }): void {
  const step = want.step;
  for (const e of events) {
    const f = frames(observed(e));
    const seq = String(e.payload['seqNo']);
    ctx.check(`TransactionEvent seqNo ${seq} offline`, e.payload['offline'] === true, { expected: true, actual: e.payload['offline'] ?? 'absent', frames: f, step });
    if (want.eventType) ctx.check(`TransactionEvent seqNo ${seq} eventType`, e.payload['eventType'] === want.eventType, { expected: want.eventType, actual: e.payload['eventType'], frames: f, step });
    if (want.meterValues) {
      const mv = e.payload['meterValue'];
      ctx.check(`TransactionEvent seqNo ${seq} meterValue`, Array.isArray(mv) && mv.length > 0, { expected: 'present', actual: Array.isArray(mv) ? `${mv.length} entries` : 'absent', frames: f, step });
    }
  }
}

/** Part 6 "ongoingIndicator must be …, messagesInQueue must be …" on a GetTransactionStatusResponse. */
export function checkStatus(ctx: TestContext, res: JsonObject, want: { step: number; ongoing: boolean | 'omitted'; queued: boolean }): void {
  const step = want.step;
  const ongoing = res['ongoingIndicator'];
  if (want.ongoing === 'omitted') ctx.check('ongoingIndicator is omitted', ongoing === undefined, { expected: 'omitted', actual: ongoing, step });
  else ctx.check(`ongoingIndicator is ${String(want.ongoing)}`, ongoing === want.ongoing, { expected: want.ongoing, actual: ongoing ?? 'absent', step });
  ctx.check(`messagesInQueue is ${String(want.queued)}`, res['messagesInQueue'] === want.queued, { expected: want.queued, actual: res['messagesInQueue'] ?? 'absent', step });
}
