/** Parameter defaults several trigger blocks share: the idToken, the transaction to stop, the reservation, names. */
import type { JsonObject } from '../../protocol/frames.js';
import { ParamError, type Params } from './params.js';
import type { TriggerContext } from './triggers.js';

export const isoAfter = (ctx: TriggerContext, seconds: number): string => new Date(ctx.nowWallMs + seconds * 1000).toISOString();
/** The config-key-wrong-case defect lower-cases variable names and configuration keys. */
export const lower = (ctx: TriggerContext, name: string): string => (ctx.has('config-key-wrong-case') ? name.toLowerCase() : name);

export function idTokenOf(ctx: TriggerContext, p: Params): { idToken: string; type: string } {
  const given = typeof p.raw.idToken === 'object' ? p.obj('idToken') : undefined;
  if (given !== undefined) {
    if (typeof given.idToken !== 'string') throw new ParamError('parameter idToken.idToken must be a string');
    return { idToken: given.idToken, type: typeof given.type === 'string' ? given.type : (ctx.tokens.find(given.idToken)?.type ?? 'ISO14443') };
  }
  const text = p.str('idToken') ?? p.str('idTag');
  const record = text === undefined ? ctx.tokens.firstValid() : ctx.tokens.find(text);
  return { idToken: text ?? record?.idToken ?? '', type: p.str('idTokenType') ?? record?.type ?? 'ISO14443' };
}

export function transactionToStop(ctx: TriggerContext, p: Params): string {
  const intended = p.str('transactionId') ?? ctx.ongoingTransactionId;
  if (intended === undefined) throw new ParamError('no ongoing transaction is known for this station; pass transactionId');
  if (ctx.has('remote-stop-wrong-transaction')) {
    if (ctx.endedTransactionId !== undefined && ctx.endedTransactionId !== intended) return ctx.endedTransactionId;
    return ctx.version === '1.6' ? String(Number(intended) + 1000) : `${intended}-0`;
  }
  return intended;
}

export function swapReset(ctx: TriggerContext, type: string): string {
  if (!ctx.has('reset-wrong-type')) return type;
  const other: Record<string, string> = { Immediate: 'OnIdle', OnIdle: 'Immediate', Hard: 'Soft', Soft: 'Hard' };
  return other[type] ?? type;
}

export function wrongTrigger(ctx: TriggerContext, requested: string): string {
  if (!ctx.has('trigger-message-wrong-message')) return requested;
  return requested === 'StatusNotification' ? 'Heartbeat' : 'StatusNotification';
}

export function reservationToCancel(ctx: TriggerContext, p: Params): number {
  const id = p.int('reservationId') ?? p.int('id') ?? ctx.lastReservationId;
  if (id === undefined) throw new ParamError('no reservation was made by this simulator; pass reservationId');
  return id;
}

export function dataTransferPayload(ctx: TriggerContext, p: Params): JsonObject {
  const messageId = p.str('messageId');
  const data = p.raw.data;
  return { vendorId: p.str('vendorId') ?? ctx.vendorId, ...(messageId === undefined ? {} : { messageId }), ...(data === undefined ? {} : { data }) };
}

/** DataTransfer from the station: only the vendor ids we were told to accept (P01/P02). */
export function dataTransferAnswer(acceptedVendorIds: readonly string[], payload: JsonObject): JsonObject {
  const vendorId = typeof payload.vendorId === 'string' ? payload.vendorId : '';
  if (!acceptedVendorIds.includes(vendorId)) return { status: 'UnknownVendorId' };
  return { status: payload.messageId === undefined ? 'Accepted' : 'UnknownMessageId' };
}
