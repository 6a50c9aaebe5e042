/**
 * The types of the session endpoint's API (src/session/endpoint.ts re-exports them): what a CALL
 * becomes, what a handler gets and returns, the events an observer sees, and the options.
 */
import type { Clock } from '../clock.js';
import type { Finding } from '../protocol/findings.js';
import type { CallFrame, JsonObject } from '../protocol/frames.js';
import type { OcppVersion, Role } from '../protocol/versions.js';
import type { MessageCheck, SessionConnection } from './types.js';

/** What became of one CALL we sent. A CALLERROR from the peer is an outcome, not an exception. */
export type CallOutcome =
  | { status: 'result'; action: string; messageId: string; payload: JsonObject; findings: Finding[]; rttMs: number }
  | { status: 'error'; action: string; messageId: string; errorCode: string; errorDescription: string; errorDetails: JsonObject; rttMs: number }
  | { status: 'timeout'; action: string; messageId: string; waitedMs: number }
  | { status: 'closed'; action: string; messageId: string };

export interface InboundCall {
  action: string;
  messageId: string;
  payload: JsonObject;
  /** Findings the checks made on the request (already recorded on the endpoint). */
  findings: Finding[];
  /** Run `fn` after the response has been sent (e.g. StatusNotification after BootNotification.conf). */
  after(fn: () => void | Promise<void>): void;
}

/** A handler returns the response payload, or throws RpcError to answer with a CALLERROR. */
export type CallHandler = (call: InboundCall) => JsonObject | Promise<JsonObject>;
/**
 * Handlers an owner keeps itself and the endpoint asks for by action (issue #14: a fleet of
 * simulated stations shares its handler index instead of copying every handler into every
 * endpoint). Undefined: no handler for that action here.
 */
export type CallRouter = (action: string) => CallHandler | undefined;
/** 2.1 SEND messages get no reply. */
export type SendHandler = (send: { action: string; messageId: string; payload: JsonObject; findings: Finding[] }) => void | Promise<void>;

export type SessionEvent =
  | { type: 'callIn'; action: string; messageId: string; payload: JsonObject; monoMs: number; frameSeq?: number }
  | { type: 'callOut'; action: string; messageId: string; payload: JsonObject; monoMs: number }
  | { type: 'resultIn' | 'resultOut'; action: string | undefined; messageId: string; payload: JsonObject; monoMs: number; frameSeq?: number }
  | { type: 'errorIn' | 'errorOut'; action: string | undefined; messageId: string; errorCode: string; errorDescription: string; monoMs: number; frameSeq?: number }
  | { type: 'sendIn'; action: string; messageId: string; payload: JsonObject; monoMs: number; frameSeq?: number }
  | { type: 'finding'; finding: Finding }
  | { type: 'close'; code: number; reason: string };

export interface EndpointOptions {
  connection: SessionConnection;
  version: OcppVersion;
  /** The role this endpoint plays; the peer plays the other one. */
  role: Role;
  /** Layered message checks (schema → format); without it nothing is validated. */
  check?: MessageCheck;
  /** Which role may send an action as a CALL; used to flag calls in the wrong direction. */
  senderOf?: (action: string) => Role | 'both' | undefined;
  clock?: Clock;
  newMessageId?: () => string;
  callTimeoutMs?: number;
  /** How many answered message ids we remember to tell a duplicate from an unknown response. */
  rememberedIds?: number;
}

/** Internal to the endpoint: our CALL on the wire. */
export interface PendingCall {
  frame: CallFrame;
  sentMonoMs: number;
  resolve(outcome: CallOutcome): void;
}

/** Internal to the endpoint: our CALL waiting for the one in flight. */
export interface QueuedCall {
  action: string;
  payload: JsonObject;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  messageId: string | undefined;
  resolve(outcome: CallOutcome): void;
  reject(err: unknown): void;
}
