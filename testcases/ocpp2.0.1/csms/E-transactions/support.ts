/**
 * What the block E `_CSMS` cases share: the idTokenInfo check of a TransactionEventResponse, the
 * connection loss of the E14 cases (the station stays registered: no BootNotification after it),
 * GetTransactionStatus made and answered (E14), and "the CSMS answered this TransactionEvent".
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { dropConnection, energyReading, extraNumber, framesOf, obj, stationOf, triggered, type SimulatedTransaction } from '../_shared/station.js';

/** idTokenInfo.status of a CSMS response is one of `allowed` (a validated step). */
export function checkTokenStatus(ctx: TestContext, response: JsonObject, allowed: string[], o: { where: string; step: number }): void {
  const status = obj(response['idTokenInfo'])?.['status'];
  ctx.check(`${o.where}.idTokenInfo.status is ${allowed.join(' or ')}`, allowed.includes(String(status)), { expected: allowed.join(' or '), actual: status ?? 'idTokenInfo absent', step: o.step });
}

/** OCTT "closes the WebSocket connection", stays away `awayMs`, then dials again (no reboot: still registered). */
export async function loseConnection(ctx: TestContext, awayMs: number): Promise<void> {
  await dropConnection(ctx, 'connection lost');
  if (awayMs > 0) await ctx.sleep(awayMs);
  const endpoint = await ctx.peer();
  // B01 boots a station after a (re)boot, not after a lost connection: it is registered still.
  stationOf(ctx).bootedOn = endpoint;
}

/**
 * E14 with a lost connection: our answer to any GetTransactionStatus of the case, set before the
 * connection drops, since Part 6 (TC_E_29/31/33_CSMS) names no operator action: a CSMS may ask on
 * its own once the station is back.
 */
export function answerTransactionStatus(ctx: TestContext, answer: JsonObject): void {
  ctx.respond('GetTransactionStatus', () => answer);
}

/**
 * E14: the CSMS's GetTransactionStatusRequest (about `transactionId`, or about queued messages in
 * general when undefined), answered with `answer`: the one it sent on its own since journal index
 * `since`, else the one the DUT adapter makes it send. Checks which transaction it asked about.
 */
export async function transactionStatusAsked(ctx: TestContext, o: { transactionId: string | undefined; answer: JsonObject; step?: number; since?: number }): Promise<ObservedCall> {
  const since = o.since;
  const unasked = since !== undefined && ctx.journal().slice(since).some((e) => e.kind === 'callIn' && e.action === 'GetTransactionStatus');
  const call = unasked
    ? await ctx.expectCall('GetTransactionStatus', { from: since })
    : await triggered(ctx, {
        action: 'GetTransactionStatus',
        trigger: 'triggerGetTransactionStatus',
        params: o.transactionId === undefined ? {} : { transactionId: o.transactionId },
        respond: () => o.answer,
      });
  const asked = call.payload['transactionId'];
  const label = o.transactionId === undefined ? 'GetTransactionStatusRequest.transactionId is omitted' : `GetTransactionStatusRequest.transactionId is ${o.transactionId} (the transaction of the before state)`;
  ctx.check(label, asked === o.transactionId, { expected: o.transactionId ?? 'absent', actual: asked ?? 'absent', frames: framesOf(call), ...(o.step === undefined ? {} : { step: o.step }) });
  return call;
}

/** A TransactionEvent of `tx` the station queued while offline, sent with the given seqNo (the station's memory is not changed). */
export async function sendQueuedEvent(ctx: TestContext, tx: SimulatedTransaction, o: { seqNo: number; eventType: 'Updated' | 'Ended'; triggerReason: string; chargingState?: string; stoppedReason?: string; timestamp: string }): Promise<JsonObject> {
  const transactionInfo: JsonObject = { transactionId: tx.transactionId };
  if (o.chargingState !== undefined) transactionInfo['chargingState'] = o.chargingState;
  if (o.stoppedReason !== undefined) transactionInfo['stoppedReason'] = o.stoppedReason;
  return ctx.callExpect('TransactionEvent', { eventType: o.eventType, timestamp: o.timestamp, triggerReason: o.triggerReason, seqNo: o.seqNo, offline: true, transactionInfo });
}

/** The periodic energy reading a station queues while offline (E14 "meterValues is present"). */
export const sampledEnergy = (ctx: TestContext, wh: number): JsonObject[] => [energyReading(ctx, 'Sample.Periodic', wh)];

/**
 * The validated step of TC_E_53_CSMS: since `from` the station sent a TransactionEvent Started with
 * seqNo 0 and the CSMS answered it with a CALLRESULT.
 */
export function checkStartedAnswered(ctx: TestContext, o: { from: number; step: number }): void {
  const { from, step } = o;
  const entries = ctx.journal().slice(from);
  let started: { messageId: string; seqNo: unknown; frameSeq: number | undefined } | undefined;
  for (const e of entries) {
    if (e.kind === 'callOut' && e.action === 'TransactionEvent' && e.payload['eventType'] === 'Started') {
      started = { messageId: e.messageId, seqNo: e.payload['seqNo'], frameSeq: e.frameSeq };
      break;
    }
  }
  let answer: { ok: boolean; text: string; frameSeq: number | undefined } | undefined;
  for (const e of entries) {
    if (started === undefined) break;
    if (e.kind === 'resultIn' && e.messageId === started.messageId) answer = { ok: true, text: 'CALLRESULT', frameSeq: e.frameSeq };
    if (e.kind === 'errorIn' && e.messageId === started.messageId) answer = { ok: false, text: `CALLERROR ${e.errorCode}`, frameSeq: e.frameSeq };
    if (answer) break;
  }
  ctx.check('TransactionEvent Started with seqNo 0 is answered with a TransactionEventResponse', started?.seqNo === 0 && answer?.ok === true, {
    expected: 'Started, seqNo 0, CALLRESULT',
    actual: started === undefined ? 'no Started event' : `seqNo ${String(started.seqNo)}, ${answer?.text ?? 'no answer'}`,
    frames: [started?.frameSeq, answer?.frameSeq].filter((n): n is number => n !== undefined),
    step,
  });
}

/** OCTT "Configured EV connection timeout" (extra.evConnectionTimeoutS, default 0: the station does not wait). */
export function evConnectionTimeoutMs(ctx: TestContext): number {
  return extraNumber(ctx, 'evConnectionTimeoutS', 0) * 1000;
}
