/**
 * Small pieces of the endpoint's event delivery (split from endpoint.ts): a listener that throws
 * never breaks the exchange, the optional frame sequence number, and the event of a response
 * journalled without an action.
 */
import { MessageType, type CallErrorFrame, type Frame } from '../protocol/frames.js';
import type { SessionEvent } from './endpoint-types.js';

export function safely(listener: (event: SessionEvent) => void, event: SessionEvent): void {
  try {
    listener(event);
  } catch {
    // A broken observer must not break the protocol exchange.
  }
}

export const seq = (frameSeq: number | undefined): { frameSeq?: number } => (frameSeq === undefined ? {} : { frameSeq });

/** A response journalled without an action (the answer to a raw frame). */
export function responseEvent(frame: Frame & { messageId: string }, at: number, frameSeq: number | undefined): SessionEvent {
  if (frame.type === MessageType.CALLRESULT) return { type: 'resultIn', action: undefined, messageId: frame.messageId, payload: frame.payload, monoMs: at, ...seq(frameSeq) };
  const e = frame as CallErrorFrame;
  return { type: 'errorIn', action: undefined, messageId: e.messageId, errorCode: e.errorCode, errorDescription: e.errorDescription, monoMs: at, ...seq(frameSeq) };
}
