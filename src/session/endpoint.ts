/**
 * One OCPP-J endpoint, used by both roles (the harness as CSMS, the harness as station, and the
 * simulators). It turns text frames into calls and responses, and turns everything odd into a
 * finding rather than a silent drop or a crash:
 *
 * - one outstanding CALL per direction (OCPP-J 1.6 §4.1.1, 2.0.1 Part 4 §4.1.1): our own second
 *   call waits in a queue; a peer that sends a second CALL before we answered the first is a finding
 *   (it is still answered, so nothing is lost);
 * - responses are matched by message id; unknown, duplicate and late responses are findings;
 * - an invalid inbound CALL is answered with the CALLERROR its defect calls for, spelled for the
 *   negotiated version;
 * - every payload, in and out, goes through the layered checks (schema, format) and every result
 *   is observable through `onEvent`.
 */
import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../clock.js';
import { callTimeoutMs as defaultCallTimeoutMs } from '../constants.js';
import { HarnessError } from '../errors.js';
import { errorCodeFor, misspelledFor, type RpcErrorKind } from '../protocol/error-codes.js';
import { finding, type Finding } from '../protocol/findings.js';
import { checkMessageId } from '../protocol/formats.js';
import {
  callError,
  MessageType,
  parseFrame,
  serializeFrame,
  type CallErrorFrame,
  type CallFrame,
  type Frame,
  type JsonObject,
  type SendFrame,
} from '../protocol/frames.js';
import type { OcppVersion, Role } from '../protocol/versions.js';
import { maxInspectDepth, textDepthExceeds } from '../protocol/walk.js';
import { NoReply, RpcError } from './rpc-error.js';
import type { MessageCheck, SessionConnection } from './types.js';

export type { MessageCheck, SessionConnection } from './types.js';

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

const seq = (frameSeq: number | undefined): { frameSeq?: number } => (frameSeq === undefined ? {} : { frameSeq });

interface PendingCall {
  frame: CallFrame;
  sentMonoMs: number;
  resolve(outcome: CallOutcome): void;
}

interface QueuedCall {
  action: string;
  payload: JsonObject;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  messageId: string | undefined;
  resolve(outcome: CallOutcome): void;
  reject(err: unknown): void;
}

export class OcppEndpoint {
  readonly version: OcppVersion;
  readonly role: Role;
  readonly connection: SessionConnection;
  /** Every finding this endpoint made, in order. */
  readonly findings: Finding[] = [];

  private readonly clock: Clock;
  private readonly check: MessageCheck | undefined;
  private readonly senderOf: EndpointOptions['senderOf'];
  private readonly newMessageId: () => string;
  private readonly defaultTimeoutMs: number;
  private readonly rememberedIds: number;
  private readonly handlers = new Map<string, CallHandler>();
  private readonly sendHandlers = new Map<string, SendHandler>();
  private fallback: CallHandler | undefined;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private readonly queue: QueuedCall[] = [];
  private pending: PendingCall | undefined;
  /** Answered/timed-out ids of our calls → what happened, to classify stray responses. */
  private readonly finished = new Map<string, { action: string; how: 'answered' | 'timedOut' }>();
  /** The peer's CALL we are processing (one at a time is what the peer may send). */
  private inboundOpen: string | undefined;
  private isClosed = false;
  /** Message ids of responses a raw frame we sent asked for (see sendRaw). */
  private readonly rawAwaited = new Set<string>();

  constructor(options: EndpointOptions) {
    this.connection = options.connection;
    this.version = options.version;
    this.role = options.role;
    this.check = options.check;
    this.senderOf = options.senderOf;
    this.clock = options.clock ?? systemClock;
    this.newMessageId = options.newMessageId ?? randomUUID;
    this.defaultTimeoutMs = options.callTimeoutMs ?? defaultCallTimeoutMs;
    this.rememberedIds = options.rememberedIds ?? 1000;
    this.connection.onText((text, frameSeq) => {
      void this.receive(text, frameSeq).catch((err: unknown) => {
        this.record(finding('transport', 'session.internal', `the harness failed handling a frame: ${String(err)}`, { frameSeq, severity: 'error' }));
      });
    });
    this.connection.onClose((code, reason) => this.onClosed(code, reason));
    this.connection.onInvalidFrame?.((event) => this.onBinary(event.bytes, event.seq));
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Observe every call, response, error and finding. Returns an unsubscribe function. */
  onEvent(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  handle(action: string, handler: CallHandler): this {
    this.handlers.set(action, handler);
    return this;
  }

  /** Handler for actions without their own; without one, unknown actions get NotImplemented and known ones NotSupported. */
  handleDefault(handler: CallHandler | undefined): this {
    this.fallback = handler;
    return this;
  }

  handleSend(action: string, handler: SendHandler): this {
    this.sendHandlers.set(action, handler);
    return this;
  }

  /**
   * Send a CALL and wait for its response. Calls are serialised: a second call waits until the
   * first is answered or timed out (one CALL in flight per direction).
   */
  call(action: string, payload: JsonObject, options: { timeoutMs?: number; signal?: AbortSignal; messageId?: string } = {}): Promise<CallOutcome> {
    return new Promise<CallOutcome>((resolve, reject) => {
      if (this.isClosed) {
        reject(new HarnessError('E_NOT_CONNECTED', `cannot call ${action}: the connection is closed`));
        return;
      }
      this.queue.push({
        action,
        payload,
        timeoutMs: options.timeoutMs ?? this.defaultTimeoutMs,
        signal: options.signal,
        messageId: options.messageId,
        resolve,
        reject,
      });
      this.pump();
    });
  }

  /**
   * Escape hatch: put any text on the wire as it is (for robustness tests). With `responseIds`,
   * a response carrying one of them is the expected answer to that text: journalled as
   * resultIn/errorIn without an action, not a finding about an unknown id.
   */
  sendRaw(text: string, options: { responseIds?: readonly string[] } = {}): void {
    for (const id of options.responseIds ?? []) this.rawAwaited.add(id);
    this.connection.send(text);
  }

  /** Send a 2.1 SEND frame (no response expected). */
  send(action: string, payload: JsonObject): string {
    const frame: SendFrame = { type: MessageType.SEND, messageId: this.newMessageId(), action, payload };
    this.checkOut(frame.action, 'request', frame.payload, frame.messageId);
    this.connection.send(serializeFrame(frame));
    return frame.messageId;
  }

  close(code?: number, reason?: string): void {
    this.connection.close(code, reason);
  }

  // ---- outbound calls ---------------------------------------------------------------------

  private pump(): void {
    if (this.pending || this.isClosed) return;
    const next = this.queue.shift();
    if (!next) return;
    if (next.signal?.aborted) {
      next.reject(new HarnessError('E_ABORTED', `call ${next.action} aborted before it was sent`));
      this.pump();
      return;
    }
    const frame: CallFrame = { type: MessageType.CALL, messageId: next.messageId ?? this.newMessageId(), action: next.action, payload: next.payload };
    const sentMonoMs = this.clock.monoMs();
    const timer: { handle?: NodeJS.Timeout } = {};
    const onAbort = (): void => settle({ status: 'timeout', action: frame.action, messageId: frame.messageId, waitedMs: this.clock.monoMs() - sentMonoMs }, 'aborted');
    const settle = (outcome: CallOutcome, how: 'answered' | 'timedOut' | 'aborted' = 'answered'): void => {
      if (this.pending?.frame !== frame) return;
      this.pending = undefined;
      clearTimeout(timer.handle);
      next.signal?.removeEventListener('abort', onAbort);
      this.remember(frame.messageId, frame.action, how === 'answered' ? 'answered' : 'timedOut');
      if (how === 'aborted') next.reject(new HarnessError('E_ABORTED', `call ${frame.action} aborted`));
      else next.resolve(outcome);
      this.pump();
    };
    this.pending = { frame, sentMonoMs, resolve: (o) => settle(o) };
    timer.handle = setTimeout(
      () => settle({ status: 'timeout', action: frame.action, messageId: frame.messageId, waitedMs: this.clock.monoMs() - sentMonoMs }, 'timedOut'),
      next.timeoutMs,
    );
    next.signal?.addEventListener('abort', onAbort, { once: true });
    this.checkOut(frame.action, 'request', frame.payload, frame.messageId);
    this.emit({ type: 'callOut', action: frame.action, messageId: frame.messageId, payload: frame.payload, monoMs: sentMonoMs });
    try {
      this.connection.send(serializeFrame(frame));
    } catch (err) {
      settle({ status: 'closed', action: frame.action, messageId: frame.messageId });
      this.record(finding('transport', 'session.sendFailed', `sending ${frame.action} failed: ${String(err)}`, { direction: 'out' }));
    }
  }

  private remember(messageId: string, action: string, how: 'answered' | 'timedOut'): void {
    this.finished.set(messageId, { action, how });
    if (this.finished.size > this.rememberedIds) {
      const oldest = this.finished.keys().next().value;
      if (oldest !== undefined) this.finished.delete(oldest);
    }
  }

  // ---- inbound frames ---------------------------------------------------------------------

  /**
   * OCPP-J 1.6 §4.1 / 2.0.1 Part 4 §4.1: a message MUST be valid JSON in UTF-8 — a WebSocket text
   * frame. A binary frame is a finding (issue #12: it used to get no reply and no finding). When
   * its bytes still read as a CALL, it is answered with the CALLERROR a malformed message gets, so
   * the peer is not left waiting; otherwise the connection is closed with 1003 (RFC 6455 §7.4.1:
   * a data type the endpoint cannot accept).
   */
  private onBinary(bytes: Buffer, frameSeq: number): void {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const parsed = parseFrame(text, this.version);
    const call = parsed.ok && parsed.frame.type === MessageType.CALL ? parsed.frame : undefined;
    this.record(finding('framing', 'framing.binaryFrame', `the peer sent a binary WebSocket frame (${bytes.length} bytes); OCPP-J messages are UTF-8 JSON text frames${call ? `: answered ${call.action} with a CALLERROR` : ': connection closed'}`, {
      frameSeq,
      direction: 'in',
      ...(call ? { messageId: call.messageId, action: call.action } : {}),
    }));
    if (call) this.reply(callError(this.version, call.messageId, 'formatViolation', 'binary WebSocket frame: OCPP-J messages are UTF-8 JSON text frames'), call.action);
    else this.close(1003, 'binary frames are not OCPP-J');
  }

  private async receive(text: string, frameSeq: number | undefined): Promise<void> {
    const at = this.clock.monoMs();
    // Issue #12: a peer decides how deep its JSON nests; past this depth the harness inspects
    // the frame only textually (protocol/walk.ts), which the report must say.
    if (textDepthExceeds(text)) {
      this.record(finding('framing', 'framing.tooDeep', `the frame nests deeper than ${maxInspectDepth} levels; it was judged but not inspected whole (secrets masked from its text only)`, { frameSeq, direction: 'in', severity: 'warning' }));
    }
    const parsed = parseFrame(text, this.version);
    if (!parsed.ok) {
      const e = parsed.error;
      this.record(finding('framing', `framing.${e.kind}`, `invalid frame from the peer: ${e.message}`, {
        frameSeq,
        messageId: e.messageId,
        ...(e.action ? { action: e.action } : {}),
        direction: 'in',
      }));
      if (e.reply) {
        // 2.1 answers a broken CALLRESULT with CALLRESULTERROR (Part 4 §4.2.3).
        const type = e.messageTypeId === MessageType.CALLRESULT ? MessageType.CALLRESULTERROR : MessageType.CALLERROR;
        this.reply({ ...callError(this.version, e.messageId, e.kind, e.message), type });
      }
      return;
    }
    const frame = parsed.frame;
    // OCPP-J 1.6 §4.1.4 / 2.0.1 Part 4 §4.1.4: the message id is a string of at most 36 characters.
    for (const f of checkMessageId(frame.messageId)) this.record({ ...f, frameSeq, messageId: frame.messageId, direction: 'in', ...('action' in frame ? { action: frame.action } : {}) });
    switch (frame.type) {
      case MessageType.CALL:
        await this.onCall(frame, at, frameSeq);
        return;
      case MessageType.SEND:
        await this.onSend(frame, at, frameSeq);
        return;
      case MessageType.CALLRESULT:
      case MessageType.CALLERROR:
        this.onResponse(frame, at, frameSeq);
        return;
      case MessageType.CALLRESULTERROR:
        // The peer could not process our CALLRESULT (2.1): an observation about us, kept for the record.
        this.emit({ type: 'errorIn', action: undefined, messageId: frame.messageId, errorCode: frame.errorCode, errorDescription: frame.errorDescription, monoMs: at, ...seq(frameSeq) });
        this.record(finding('semantics', 'session.callResultError', `the peer rejected our response ${frame.messageId}: ${frame.errorCode} ${frame.errorDescription}`, { frameSeq, messageId: frame.messageId, direction: 'in', severity: 'warning' }));
        return;
    }
  }

  private onResponse(frame: Frame & { messageId: string }, at: number, frameSeq: number | undefined): void {
    const pending = this.pending;
    if ((!pending || pending.frame.messageId !== frame.messageId) && this.rawAwaited.delete(frame.messageId)) {
      const e = frame.type === MessageType.CALLRESULT ? undefined : (frame as CallErrorFrame);
      this.emit(e ? { type: 'errorIn', action: undefined, messageId: e.messageId, errorCode: e.errorCode, errorDescription: e.errorDescription, monoMs: at, ...seq(frameSeq) } : { type: 'resultIn', action: undefined, messageId: frame.messageId, payload: (frame as { payload: JsonObject }).payload, monoMs: at, ...seq(frameSeq) });
      return;
    }
    if (!pending || pending.frame.messageId !== frame.messageId) {
      const earlier = this.finished.get(frame.messageId);
      const kind = earlier === undefined ? 'unknownResponse' : earlier.how === 'timedOut' ? 'lateResponse' : 'duplicateResponse';
      const text =
        kind === 'unknownResponse'
          ? `a response with message id "${frame.messageId}" that matches no CALL we sent`
          : kind === 'lateResponse'
            ? `a response to our ${earlier?.action} (${frame.messageId}) after we stopped waiting for it`
            : `a second response to our ${earlier?.action} (${frame.messageId})`;
      this.record(finding('semantics', `session.${kind}`, text, { frameSeq, messageId: frame.messageId, direction: 'in', ...(earlier ? { action: earlier.action } : {}) }));
      return;
    }
    const action = pending.frame.action;
    const rttMs = at - pending.sentMonoMs;
    if (frame.type === MessageType.CALLRESULT) {
      const { findings } = this.checkIn(action, 'response', frame.payload, frame.messageId, frameSeq);
      this.emit({ type: 'resultIn', action, messageId: frame.messageId, payload: frame.payload, monoMs: at, ...seq(frameSeq) });
      pending.resolve({ status: 'result', action, messageId: frame.messageId, payload: frame.payload, findings, rttMs });
      return;
    }
    const err = frame as CallErrorFrame;
    this.checkErrorCode(err, action, frameSeq);
    this.emit({ type: 'errorIn', action, messageId: err.messageId, errorCode: err.errorCode, errorDescription: err.errorDescription, monoMs: at, ...seq(frameSeq) });
    pending.resolve({ status: 'error', action, messageId: err.messageId, errorCode: err.errorCode, errorDescription: err.errorDescription, errorDetails: err.errorDetails, rttMs });
  }

  private checkErrorCode(frame: CallErrorFrame, action: string, frameSeq: number | undefined): void {
    const other = misspelledFor(this.version, frame.errorCode);
    if (other) {
      this.record(finding('semantics', 'session.errorCodeOfOtherVersion', `error code "${frame.errorCode}" is spelled as in OCPP ${other}; on an OCPP ${this.version} link it is not a valid error code`, { frameSeq, messageId: frame.messageId, action, direction: 'in' }));
    } else if (!new Set(Object.values(this.codeTable())).has(frame.errorCode)) {
      this.record(finding('semantics', 'session.unknownErrorCode', `error code "${frame.errorCode}" is not an OCPP ${this.version} RPC framework error code`, { frameSeq, messageId: frame.messageId, action, direction: 'in' }));
    }
  }

  private codeTable(): Record<string, string> {
    const kinds: RpcErrorKind[] = ['formatViolation', 'occurrenceConstraintViolation', 'typeConstraintViolation', 'propertyConstraintViolation', 'protocolError', 'rpcFrameworkError', 'messageTypeNotSupported', 'notImplemented', 'notSupported', 'internalError', 'securityError', 'genericError'];
    return Object.fromEntries(kinds.map((k) => [k, errorCodeFor(this.version, k)]));
  }

  private async onCall(frame: CallFrame, at: number, frameSeq: number | undefined): Promise<void> {
    const { action, messageId, payload } = frame;
    if (this.inboundOpen !== undefined) {
      this.record(finding('semantics', 'session.secondCall', `the peer sent ${action} (${messageId}) while its CALL ${this.inboundOpen} was still unanswered; OCPP-J allows one CALL in flight per direction`, { frameSeq, messageId, action, direction: 'in' }));
    }
    this.emit({ type: 'callIn', action, messageId, payload, monoMs: at, ...seq(frameSeq) });
    const sender = this.senderOf?.(action);
    const peerRole: Role = this.role === 'cs' ? 'csms' : 'cs';
    const handler = this.handlers.get(action);
    if (sender !== undefined && sender !== 'both' && sender !== peerRole) {
      this.record(finding('semantics', 'session.wrongDirection', `${action} is sent by the ${sender === 'cs' ? 'charging station' : 'CSMS'} in OCPP ${this.version}, not by the ${peerRole === 'cs' ? 'charging station' : 'CSMS'}`, { frameSeq, messageId, action, direction: 'in' }));
      if (!handler) {
        this.reply(callError(this.version, messageId, 'notSupported', `${action} is not accepted from this side`));
        return;
      }
    }
    const { findings, violation } = this.checkIn(action, 'request', payload, messageId, frameSeq);
    if (violation) {
      this.reply(callError(this.version, messageId, violation.kind, violation.message));
      return;
    }
    const chosen = handler ?? this.fallback;
    if (!chosen) {
      const known = sender !== undefined;
      this.record(finding('semantics', known ? 'session.unhandledAction' : 'session.unknownAction', known ? `the peer sent ${action}, which this endpoint does not support` : `the peer sent ${action}, which is not an OCPP ${this.version} action`, { frameSeq, messageId, action, direction: 'in', severity: known ? 'warning' : 'error' }));
      this.reply(callError(this.version, messageId, known ? 'notSupported' : 'notImplemented', known ? `${action} is not supported` : `${action} is not implemented`));
      return;
    }
    const afters: Array<() => void | Promise<void>> = [];
    this.inboundOpen = messageId;
    try {
      const response = await chosen({ action, messageId, payload, findings, after: (fn) => afters.push(fn) });
      if (this.isClosed) return;
      this.checkOut(action, 'response', response, messageId);
      this.reply({ type: MessageType.CALLRESULT, messageId, payload: response }, action);
    } catch (err) {
      if (this.isClosed || err instanceof NoReply) return;
      if (err instanceof RpcError) {
        this.reply(callError(this.version, messageId, err.kind, err.message, err.details), action);
      } else {
        this.reply(callError(this.version, messageId, 'internalError', 'the handler failed'), action);
        this.record(finding('transport', 'session.handlerFailed', `handling ${action} failed: ${err instanceof Error ? err.message : String(err)}`, { messageId, action, direction: 'in' }));
      }
    } finally {
      if (this.inboundOpen === messageId) this.inboundOpen = undefined;
    }
    for (const fn of afters) {
      try {
        await fn();
      } catch (err) {
        this.record(finding('transport', 'session.afterFailed', `after-response hook of ${action} failed: ${String(err)}`, { messageId, action }));
      }
    }
  }

  private async onSend(frame: SendFrame, at: number, frameSeq: number | undefined): Promise<void> {
    const { findings } = this.checkIn(frame.action, 'request', frame.payload, frame.messageId, frameSeq);
    this.emit({ type: 'sendIn', action: frame.action, messageId: frame.messageId, payload: frame.payload, monoMs: at, ...seq(frameSeq) });
    const handler = this.sendHandlers.get(frame.action);
    if (handler) await handler({ action: frame.action, messageId: frame.messageId, payload: frame.payload, findings });
  }

  private reply(frame: Frame, action?: string): void {
    if (this.isClosed) return;
    const at = this.clock.monoMs();
    if (frame.type === MessageType.CALLRESULT) {
      this.emit({ type: 'resultOut', action, messageId: frame.messageId, payload: frame.payload, monoMs: at });
    } else if (frame.type === MessageType.CALLERROR || frame.type === MessageType.CALLRESULTERROR) {
      this.emit({ type: 'errorOut', action, messageId: frame.messageId, errorCode: frame.errorCode, errorDescription: frame.errorDescription, monoMs: at });
    }
    this.connection.send(serializeFrame(frame));
  }

  // ---- checks -----------------------------------------------------------------------------

  /** Check an inbound payload; a schema violation carries the error kind a CALL must be answered with. */
  private checkIn(
    action: string,
    kind: 'request' | 'response',
    payload: JsonObject,
    messageId: string,
    frameSeq: number | undefined,
  ): { findings: Finding[]; violation: { kind: RpcErrorKind; message: string } | undefined } {
    if (!this.check) return { findings: [], violation: undefined };
    const result = this.check(action, kind, payload, messageId);
    const first = result.violations[0];
    const violation = first ? { kind: first.kind, message: result.violations.map((v) => v.message).join('; ') } : undefined;
    const findings = result.findings.map((f) => ({ ...f, action, messageId, direction: 'in' as const, ...(frameSeq === undefined ? {} : { frameSeq }), connectionId: this.connection.id }));
    for (const f of findings) this.record(f);
    return { findings, violation };
  }

  /** Our own frames are judged too: a simulator with a defect must show up in its own findings. */
  private checkOut(action: string, kind: 'request' | 'response', payload: JsonObject, messageId: string): void {
    if (!this.check) return;
    for (const f of this.check(action, kind, payload, messageId).findings) {
      this.record({ ...f, action, messageId, direction: 'out', connectionId: this.connection.id });
    }
  }

  private record(f: Finding): void {
    const withConn = f.connectionId ? f : { ...f, connectionId: this.connection.id };
    this.findings.push(withConn);
    this.emit({ type: 'finding', finding: withConn });
  }

  private emit(event: SessionEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A broken observer must not break the protocol exchange.
      }
    }
  }

  private onClosed(code: number, reason: string): void {
    if (this.isClosed) return;
    this.isClosed = true;
    // settle() clears `pending` and, the endpoint being closed, pumps nothing more.
    const pending = this.pending;
    if (pending) pending.resolve({ status: 'closed', action: pending.frame.action, messageId: pending.frame.messageId });
    for (const q of this.queue.splice(0)) q.resolve({ status: 'closed', action: q.action, messageId: q.messageId ?? '' });
    this.emit({ type: 'close', code, reason });
  }
}
