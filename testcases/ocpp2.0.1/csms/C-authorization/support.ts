/**
 * Helpers the block C `_CSMS` cases share (SUT = CSMS, the harness plays the station): an
 * Authorize or TransactionEvent whose idTokenInfo a case judges (with the answer's frame), and a
 * second charging session on another EVSE for the Master Pass cases (C16), which the shared
 * station memory (one transaction) does not hold.
 */
import type { IdTokenValue, JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { extraNumber, idTokenOf, newTransactionId, nowIso, obj, reportStatus, sendTransactionEvent, stationOf, type TransactionEventOptions } from '../_shared/station.js';

/** The frame of the latest answer to a CALL of `action` sent since journal index `from`. */
export function answerFrames(ctx: TestContext, from: number, action: string): number[] {
  const entries = ctx.journal().slice(from);
  const call = entries.filter((e) => e.kind === 'callOut' && e.action === action).at(-1);
  const id = call?.kind === 'callOut' ? call.messageId : undefined;
  const answer = id === undefined ? undefined : entries.find((e) => (e.kind === 'resultIn' || e.kind === 'errorIn') && e.messageId === id);
  return answer !== undefined && 'frameSeq' in answer && typeof answer.frameSeq === 'number' ? [answer.frameSeq] : [];
}

export interface Judged {
  answer: JsonObject;
  frames: number[];
}

/** Authorize `token` (a CALLRESULT is required); returns the answer and its frame. */
export async function authorize(ctx: TestContext, token: IdTokenValue): Promise<Judged> {
  const from = ctx.journal().length;
  const answer = await ctx.callExpect('Authorize', { idToken: idTokenOf(token) });
  return { answer, frames: answerFrames(ctx, from, 'Authorize') };
}

/** A TransactionEvent of the shared station's transaction (see sendTransactionEvent); returns the answer and its frame. */
export async function transactionEvent(ctx: TestContext, o: TransactionEventOptions): Promise<Judged> {
  const from = ctx.journal().length;
  const answer = await sendTransactionEvent(ctx, o);
  return { answer, frames: answerFrames(ctx, from, 'TransactionEvent') };
}

export const statusOf = (j: Judged): unknown => obj(j.answer['idTokenInfo'])?.['status'];
export const groupOf = (j: Judged): unknown => obj(obj(j.answer['idTokenInfo'])?.['groupIdToken'])?.['idToken'];

/** The idToken a case needs from the configured values, or inconclusive when it is not configured. */
export function configuredToken(ctx: TestContext, which: 'validSameGroup' | 'masterPass'): IdTokenValue {
  const token = ctx.config.idTokens[which];
  if (token === undefined) ctx.inconclusive(`the configured idTokens.${which} is missing: the case needs it (Part 6 memory state)`);
  return token;
}

// ---- a second session on another EVSE (C16 Master Pass cases) ----------------------------------

export interface SecondSession {
  evseId: number;
  connectorId: number;
  transactionId: string;
  seqNo: number;
}

/** The other EVSE of the Master Pass cases (config extra.secondEvseId; default the EVSE after the configured one). */
export function secondEvseId(ctx: TestContext): number {
  return extraNumber(ctx, 'secondEvseId', ctx.config.evseId === 1 ? 2 : 1);
}

/**
 * Reusable state EnergyTransferStarted on a second EVSE with `token`: the EV is plugged in, the
 * token authorized, the transaction started and charging (Part 6 §3.18, the same messages as the
 * shared state, numbered in the second transaction).
 */
export async function startSecondSession(ctx: TestContext, token: IdTokenValue): Promise<SecondSession> {
  const session: SecondSession = { evseId: secondEvseId(ctx), connectorId: 1, transactionId: newTransactionId(ctx, stationOf(ctx)), seqNo: 0 };
  await reportStatus(ctx, session.evseId, session.connectorId, 'Occupied');
  await ctx.callExpect('Authorize', { idToken: idTokenOf(token) });
  await secondEvent(ctx, session, 'Started', 'Authorized', { chargingState: 'EVConnected' }, token);
  await secondEvent(ctx, session, 'Updated', 'ChargingStateChanged', { chargingState: 'Charging' });
  return session;
}

/** One TransactionEvent of the second session. */
export async function secondEvent(ctx: TestContext, s: SecondSession, eventType: string, triggerReason: string, info: JsonObject, token?: IdTokenValue): Promise<Judged> {
  const from = ctx.journal().length;
  const answer = await ctx.callExpect('TransactionEvent', {
    eventType,
    timestamp: nowIso(ctx),
    triggerReason,
    seqNo: s.seqNo++,
    transactionInfo: { transactionId: s.transactionId, ...info },
    ...(eventType === 'Started' ? { evse: { id: s.evseId, connectorId: s.connectorId } } : {}),
    ...(token ? { idToken: idTokenOf(token) } : {}),
  });
  return { answer, frames: answerFrames(ctx, from, 'TransactionEvent') };
}

/** After the second session ended: the EV leaves that EVSE. */
export async function endSecondSession(ctx: TestContext, s: SecondSession): Promise<void> {
  await reportStatus(ctx, s.evseId, s.connectorId, 'Available');
}
