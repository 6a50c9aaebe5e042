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
import { callTimeoutMs as defaultCallTimeoutMs, maxMessageIdLength } from '../constants.js';
import { HarnessError } from '../errors.js';
import { finding, type Finding } from '../protocol/findings.js';
import { checkMessageId } from '../protocol/formats.js';
import { callError, MessageType, parseFrame, serializeFrame, type CallErrorFrame, type CallFrame, type Frame, type JsonObject, type SendFrame } from '../protocol/frames.js';
import type { OcppVersion, Role } from '../protocol/versions.js';
import { textDepthExceeds } from '../protocol/walk.js';
import { AnsweredIds, strayResponse } from './answered-ids.js';
import { errorCodeFinding, inboundFindings, outboundFindings } from './endpoint-checks.js';
import { binaryFrame, invalidFrame, tooDeepFinding } from './framing-findings.js';
import type { CallHandler, CallOutcome, CallRouter, EndpointOptions, PendingCall, QueuedCall, SendHandler, SessionEvent } from './endpoint-types.js';
import { NoReply, RpcError } from './rpc-error.js';
import { responseEvent, safely, seq } from './session-events.js';
import type { MessageCheck, SessionConnection } from './types.js';

export type { MessageCheck, SessionConnection } from './types.js';
export type { CallHandler, CallOutcome, CallRouter, EndpointOptions, InboundCall, SendHandler, SessionEvent } from './endpoint-types.js';

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
  // Maps made on first use (issue #14): a simulator endpoint routes to its owner's handlers
  // instead of copying them, and most endpoints never get a SEND handler.
  private handlers: Map<string, CallHandler> | undefined;
  private router: CallRouter | undefined;
  private sendHandlers: Map<string, SendHandler> | undefined;
  private fallback: CallHandler | undefined;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private readonly queue: QueuedCall[] = [];
  private pending: PendingCall | undefined;
  /** Answered/timed-out ids of our calls → what happened, to classify stray responses. */
  private readonly finished: AnsweredIds;
  /** The peer's CALL we are processing (one at a time is what the peer may send). */
  private inboundOpen: string | undefined;
  private isClosed = false;
  /** Message ids of responses a raw frame we sent asked for (see sendRaw); made on first use. */
  private rawAwaited: Set<string> | undefined;

  constructor(options: EndpointOptions) {
    this.connection = options.connection;
    this.version = options.version;
    this.role = options.role;
    this.check = options.check;
    this.senderOf = options.senderOf;
    this.clock = options.clock ?? systemClock;
    this.newMessageId = options.newMessageId ?? randomUUID;
    this.defaultTimeoutMs = options.callTimeoutMs ?? defaultCallTimeoutMs;
    this.finished = new AnsweredIds(options.rememberedIds ?? 1000);
    this.connection.onText((text, frameSeq) => {
      const failed = (err: unknown): void => {
        // The connection went away while the harness was answering: not the DUT's fault, but said.
        if (err instanceof HarnessError && err.code === 'E_NOT_CONNECTED') {
          this.record(finding('transport', 'session.answer-after-close', `the connection closed before the harness could answer frame ${frameSeq ?? '?'}; the answer was not sent (${err.message})`, { frameSeq, severity: 'warning' }));
          return;
        }
        this.record(finding('transport', 'session.internal', `the harness failed handling a frame: ${String(err)}`, { frameSeq, severity: 'error' }));
      };
      // Responses are handled synchronously (no promise per frame); a CALL's handler may be async.
      try {
        this.receive(text, frameSeq)?.catch(failed);
      } catch (err) {
        failed(err);
      }
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

  /** The handler of `action`; it wins over the router's and the default handler. */
  handle(action: string, handler: CallHandler): this {
    (this.handlers ??= new Map()).set(action, handler);
    return this;
  }

  /** Ask `router` for the handler of an action that has none of its own (`handle`); replaces an earlier router. */
  route(router: CallRouter | undefined): this {
    this.router = router;
    return this;
  }

  /** Handler for actions without their own; without one, unknown actions get NotImplemented and known ones NotSupported. */
  handleDefault(handler: CallHandler | undefined): this {
    this.fallback = handler;
    return this;
  }

  handleSend(action: string, handler: SendHandler): this {
    (this.sendHandlers ??= new Map()).set(action, handler);
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
    for (const id of options.responseIds ?? []) (this.rawAwaited ??= new Set()).add(id);
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
    const signal = next.signal;
    const onAbort = signal === undefined ? undefined : (): void => settle({ status: 'timeout', action: frame.action, messageId: frame.messageId, waitedMs: this.clock.monoMs() - sentMonoMs }, 'aborted');
    const settle = (outcome: CallOutcome, how: 'answered' | 'timedOut' | 'aborted' = 'answered'): void => {
      if (this.pending?.frame !== frame) return;
      this.pending = undefined;
      clearTimeout(timer.handle);
      if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
      this.finished.remember(frame.messageId, frame.action, how === 'answered' ? 'answered' : 'timedOut');
      if (how === 'aborted') next.reject(new HarnessError('E_ABORTED', `call ${frame.action} aborted`));
      else next.resolve(outcome);
      this.pump();
    };
    this.pending = { frame, sentMonoMs, resolve: (o) => settle(o) };
    timer.handle = setTimeout(
      () => settle({ status: 'timeout', action: frame.action, messageId: frame.messageId, waitedMs: this.clock.monoMs() - sentMonoMs }, 'timedOut'),
      next.timeoutMs,
    );
    if (onAbort !== undefined) signal?.addEventListener('abort', onAbort, { once: true });
    this.checkOut(frame.action, 'request', frame.payload, frame.messageId);
    if (this.listeners.size > 0) this.emit({ type: 'callOut', action: frame.action, messageId: frame.messageId, payload: frame.payload, monoMs: sentMonoMs });
    try {
      this.connection.send(serializeFrame(frame));
    } catch (err) {
      settle({ status: 'closed', action: frame.action, messageId: frame.messageId });
      this.record(finding('transport', 'session.sendFailed', `sending ${frame.action} failed: ${String(err)}`, { direction: 'out' }));
    }
  }

  // ---- inbound frames ---------------------------------------------------------------------

  /** A binary frame: a finding, and a CALLERROR when it reads as a CALL, else close 1003 (framing-findings.ts). */
  private onBinary(bytes: Buffer, frameSeq: number): void {
    const { finding: found, reply } = binaryFrame(this.version, bytes, frameSeq);
    this.record(found);
    if (reply) this.reply(reply.frame, reply.action);
    else this.close(1003, 'binary frames are not OCPP-J');
  }

  /** A promise only for a CALL or SEND (their handlers may be async). */
  private receive(text: string, frameSeq: number | undefined): Promise<void> | undefined {
    const at = this.clock.monoMs();
    // Issue #12: a peer decides how deep its JSON nests.
    if (textDepthExceeds(text)) this.record(tooDeepFinding(frameSeq));
    const parsed = parseFrame(text, this.version);
    if (!parsed.ok) {
      const { finding: found, reply } = invalidFrame(this.version, parsed.error, frameSeq);
      this.record(found);
      if (reply) this.reply(reply);
      return undefined;
    }
    const frame = parsed.frame;
    // OCPP-J 1.6 §4.1.4 / 2.0.1 Part 4 §4.1.4: the message id is a string of at most 36 characters.
    const id = frame.messageId;
    // Clean ids (nearly all) skip building an empty finding list.
    if (id.length === 0 || id.length > maxMessageIdLength) for (const f of checkMessageId(id)) this.record({ ...f, frameSeq, messageId: frame.messageId, direction: 'in', ...('action' in frame ? { action: frame.action } : {}) });
    switch (frame.type) {
      case MessageType.CALL: return this.onCall(frame, at, frameSeq);
      case MessageType.SEND: return this.onSend(frame, at, frameSeq);
      case MessageType.CALLRESULT:
      case MessageType.CALLERROR:
        this.onResponse(frame, at, frameSeq);
        return undefined;
      case MessageType.CALLRESULTERROR:
        // The peer could not process our CALLRESULT (2.1): an observation about us, kept for the record.
        this.emit({ type: 'errorIn', action: undefined, messageId: frame.messageId, errorCode: frame.errorCode, errorDescription: frame.errorDescription, monoMs: at, ...seq(frameSeq) });
        this.record(finding('semantics', 'session.callResultError', `the peer rejected our response ${frame.messageId}: ${frame.errorCode} ${frame.errorDescription}`, { frameSeq, messageId: frame.messageId, direction: 'in', severity: 'warning' }));
        return undefined;
    }
  }

  private onResponse(frame: Frame & { messageId: string }, at: number, frameSeq: number | undefined): void {
    const pending = this.pending;
    if (!pending || pending.frame.messageId !== frame.messageId) {
      // The answer a raw frame of ours asked for (sendRaw responseIds): journalled, not a finding.
      if (this.rawAwaited?.delete(frame.messageId) === true) return this.emit(responseEvent(frame, at, frameSeq));
      const earlier = this.finished.get(frame.messageId);
      const { kind, text } = strayResponse(frame.messageId, earlier);
      this.record(finding('semantics', `session.${kind}`, text, { frameSeq, messageId: frame.messageId, direction: 'in', ...(earlier ? { action: earlier.action } : {}) }));
      return;
    }
    const action = pending.frame.action;
    const rttMs = at - pending.sentMonoMs;
    if (frame.type === MessageType.CALLRESULT) {
      const { findings } = this.checkIn(action, 'response', frame.payload, frame.messageId, frameSeq);
      if (this.listeners.size > 0) this.emit({ type: 'resultIn', action, messageId: frame.messageId, payload: frame.payload, monoMs: at, ...seq(frameSeq) });
      pending.resolve({ status: 'result', action, messageId: frame.messageId, payload: frame.payload, findings, rttMs });
      return;
    }
    const err = frame as CallErrorFrame;
    const badCode = errorCodeFinding(this.version, err, action, frameSeq);
    if (badCode !== undefined) this.record(badCode);
    this.emit({ type: 'errorIn', action, messageId: err.messageId, errorCode: err.errorCode, errorDescription: err.errorDescription, monoMs: at, ...seq(frameSeq) });
    pending.resolve({ status: 'error', action, messageId: err.messageId, errorCode: err.errorCode, errorDescription: err.errorDescription, errorDetails: err.errorDetails, rttMs });
  }

  private async onCall(frame: CallFrame, at: number, frameSeq: number | undefined): Promise<void> {
    const { action, messageId, payload } = frame;
    if (this.inboundOpen !== undefined) {
      this.record(finding('semantics', 'session.secondCall', `the peer sent ${action} (${messageId}) while its CALL ${this.inboundOpen} was still unanswered; OCPP-J allows one CALL in flight per direction`, { frameSeq, messageId, action, direction: 'in' }));
    }
    if (this.listeners.size > 0) this.emit({ type: 'callIn', action, messageId, payload, monoMs: at, ...seq(frameSeq) });
    const sender = this.senderOf?.(action);
    const peerRole: Role = this.role === 'cs' ? 'csms' : 'cs';
    const handler = this.handlers?.get(action) ?? this.router?.(action);
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
    const handler = this.sendHandlers?.get(frame.action);
    if (handler) await handler({ action: frame.action, messageId: frame.messageId, payload: frame.payload, findings });
  }

  private reply(frame: Frame, action?: string): void {
    if (this.isClosed) return;
    if (this.listeners.size === 0) {
      this.connection.send(serializeFrame(frame));
      return;
    }
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
  private checkIn(action: string, kind: 'request' | 'response', payload: JsonObject, messageId: string, frameSeq: number | undefined): ReturnType<typeof inboundFindings> {
    if (!this.check) return { findings: [], violation: undefined };
    const result = inboundFindings(this.check, { action, kind, payload, messageId, frameSeq, connectionId: this.connection.id });
    for (const f of result.findings) this.record(f);
    return result;
  }

  private checkOut(action: string, kind: 'request' | 'response', payload: JsonObject, messageId: string): void {
    if (!this.check) return;
    for (const f of outboundFindings(this.check, action, kind, payload, messageId, this.connection.id)) this.record(f);
  }

  private record(f: Finding): void {
    const withConn = f.connectionId ? f : { ...f, connectionId: this.connection.id };
    this.findings.push(withConn);
    this.emit({ type: 'finding', finding: withConn });
  }

  private emit(event: SessionEvent): void {
    // One listener (the usual link): no copy. Several: a copy, so one that subscribes or leaves
    // while an event is delivered changes who hears the next event, not this one.
    if (this.listeners.size === 1) {
      for (const listener of this.listeners) {
        safely(listener, event);
        break;
      }
      return;
    }
    for (const listener of [...this.listeners]) safely(listener, event);
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
