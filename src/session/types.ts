/**
 * What the session layer needs from a connection and from the protocol checks. Structural, so a
 * transport Connection, an in-memory pair in a test, or a fault-injecting wrapper all fit.
 */
import type { RpcErrorKind } from '../protocol/error-codes.js';
import type { Finding } from '../protocol/findings.js';
import type { JsonObject } from '../protocol/frames.js';

export interface SessionConnection {
  readonly id: string;
  /** Put one text frame on the wire (recorded in the wire log by the transport). */
  send(text: string): void;
  /** Every inbound text frame, after the wire log recorded it (frameSeq = its wire-log sequence number). */
  onText(listener: (text: string, frameSeq?: number) => void): unknown;
  onClose(listener: (code: number, reason: string) => void): unknown;
  close(code?: number, reason?: string): void;
  /** Binary frames (OCPP-J allows text only), after the wire log recorded them; optional for in-memory test pairs. */
  onInvalidFrame?(listener: (event: { reason: 'binary'; seq: number; bytes: Buffer }) => void): unknown;
}

/** Layered checks of one payload: findings for the report, violations that decide a CALLERROR. */
export type MessageCheck = (
  action: string,
  kind: 'request' | 'response',
  payload: JsonObject,
  messageId: string,
) => { findings: Finding[]; violations: Array<{ kind: RpcErrorKind; message: string }> };
