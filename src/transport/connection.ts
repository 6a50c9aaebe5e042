/**
 * One OCPP-J WebSocket, either side. Every text frame is recorded in the wire log before
 * anything else sees it (incoming) or right before it is handed to the socket (outgoing).
 * Binary frames are not OCPP-J (2.0.1 Part 4 §4 / 1.6 OCPP-J §4: messages are JSON text), so
 * they are recorded base64-encoded and reported as invalid frames for the session to judge,
 * never a crash.
 *
 * Fault injection plugs in through one FrameInterceptor (see faults.ts), between `send` and the
 * socket and between the socket and the text listeners; the wire log always shows what really
 * went over the socket.
 */
import type { WebSocket } from 'ws';
import { HarnessError } from '../errors.js';
import type { CertificateSubject, WireLog } from './wire-log.js';

/** How long a close handshake may take before we drop the TCP connection (RFC 6455 §7.1.1). */
export const closeHandshakeTimeoutMs = 5_000;
/** RFC 6455 §7.4.1: 1000 normal closure. */
export const closeCodeNormal = 1000;

export interface ConnectionInfo {
  /** 'server': a station connected to our server; 'client': we dialled a CSMS. */
  side: 'server' | 'client';
  identity?: string;
  /** The agreed subprotocol, or null when none was agreed. */
  subprotocol: string | null;
  offeredSubprotocols: string[];
  remoteAddress?: string;
  url?: string;
  /** Server side, mutual TLS: the station certificate's subject. */
  clientCertSubject?: CertificateSubject;
  /** Client side, TLS: the CSMS certificate's subject. */
  serverCertSubject?: CertificateSubject;
  /** Whether HTTP Basic auth was presented (never the credentials). */
  basicAuth: boolean;
}

export type ConnectionState = 'open' | 'closing' | 'closed';

export interface CloseInfo {
  code: number;
  reason: string;
  initiator: 'local' | 'remote';
}

export interface InvalidFrameEvent {
  reason: 'binary';
  /** Wire log sequence number of the recorded frame. */
  seq: number;
  bytes: Buffer;
}

/**
 * A hook between the connection and the socket. `outbound` decides when (and whether, and as
 * what) `transmit` is called for a frame passed to `send`; `inbound` does the same with
 * `deliver` for a frame already received and recorded.
 */
export interface FrameInterceptor {
  outbound?(text: string, transmit: (text: string) => void): void;
  inbound?(text: string, seq: number, deliver: (text: string, seq: number) => void): void;
}

export type TextListener = (text: string, seq: number) => void;
export type CloseListener = (code: number, reason: string, initiator: 'local' | 'remote') => void;

const textFrame = { binary: false } as const;

export class Connection {
  readonly id: string;
  readonly info: Readonly<ConnectionInfo>;
  readonly wireLog: WireLog;
  /** Resolves once the socket is closed, whoever closed it. */
  readonly closed: Promise<CloseInfo>;

  private readonly socket: WebSocket;
  private currentState: ConnectionState = 'open';
  private localClose = false;
  private closeTimer: NodeJS.Timeout | undefined;
  private interceptor: FrameInterceptor | undefined;
  private readonly textListeners = new Set<TextListener>();
  /**
   * Text frames that arrived before anyone listened: a peer may send its first CALL in the same
   * TCP segment as the upgrade response, before the dialer had a chance to attach its session.
   */
  private earlyTexts: Array<[string, number]> | undefined = [];
  private readonly invalidListeners = new Set<(event: InvalidFrameEvent) => void>();
  private readonly closeListeners = new Set<CloseListener>();
  private resolveClosed: (info: CloseInfo) => void = () => undefined;
  /** A failed send is recorded; one callback for every frame of the connection. */
  private readonly afterSend = (err?: Error | null): void => {
    if (err !== undefined && err !== null) this.wireLog.record({ kind: 'error', connectionId: this.id, message: `send failed: ${err.message}` });
  };

  constructor(socket: WebSocket, info: ConnectionInfo, options: { wireLog: WireLog; id?: string }) {
    this.socket = socket;
    this.info = Object.freeze({ ...info });
    this.wireLog = options.wireLog;
    this.id = options.id ?? options.wireLog.allocateConnectionId();
    this.closed = new Promise((resolve) => {
      this.resolveClosed = resolve;
    });
    this.wireLog.record({
      kind: 'open',
      connectionId: this.id,
      side: info.side,
      subprotocol: info.subprotocol,
      offeredSubprotocols: info.offeredSubprotocols,
      basicAuth: info.basicAuth,
      ...(info.identity === undefined ? {} : { identity: info.identity }),
      ...(info.remoteAddress === undefined ? {} : { remote: info.remoteAddress }),
      ...(info.url === undefined ? {} : { url: info.url }),
      ...(info.clientCertSubject === undefined ? {} : { clientCertSubject: info.clientCertSubject }),
    });
    socket.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => this.onMessage(data, isBinary));
    socket.on('error', (err: Error) => {
      this.wireLog.record({ kind: 'error', connectionId: this.id, message: err.message });
    });
    socket.on('close', (code: number, reason: Buffer) => this.onSocketClose(code, reason.toString('utf8')));
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  /**
   * Send one text frame. Synchronous: the frame is recorded and handed to the socket now (or
   * to the fault interceptor). Throws E_NOT_CONNECTED once the connection is closing or closed.
   */
  send(text: string): void {
    if (this.currentState !== 'open') {
      throw new HarnessError('E_NOT_CONNECTED', `connection ${this.id} is ${this.currentState}; cannot send`);
    }
    if (this.interceptor?.outbound !== undefined) this.interceptor.outbound(text, (t) => this.transmit(t));
    else this.transmit(text);
  }

  /** Receive every incoming text frame with its wire log sequence number. */
  onText(listener: TextListener): () => void {
    this.textListeners.add(listener);
    const early = this.earlyTexts;
    this.earlyTexts = undefined;
    // After the caller's synchronous set-up (e.g. its handlers), before any later socket event.
    if (early && early.length > 0) queueMicrotask(() => early.forEach(([text, seq]) => this.deliver(text, seq)));
    return () => {
      this.textListeners.delete(listener);
    };
  }

  /** Frames that are not OCPP-J text (binary frames). */
  onInvalidFrame(listener: (event: InvalidFrameEvent) => void): () => void {
    this.invalidListeners.add(listener);
    return () => {
      this.invalidListeners.delete(listener);
    };
  }

  onClose(listener: CloseListener): () => void {
    this.closeListeners.add(listener);
    return () => {
      this.closeListeners.delete(listener);
    };
  }

  /** Start the close handshake; resolves when closed (the TCP connection is dropped after closeHandshakeTimeoutMs). */
  close(code: number = closeCodeNormal, reason = ''): Promise<CloseInfo> {
    if (this.currentState === 'open') {
      this.localClose = true;
      this.currentState = 'closing';
      try {
        this.socket.close(code, reason);
      } catch (err) {
        // ws refuses codes that may not be sent (1005, 1006…): drop the connection instead.
        this.wireLog.record({ kind: 'error', connectionId: this.id, message: `close(${code}) refused: ${(err as Error).message}` });
        this.socket.terminate();
      }
      this.closeTimer = setTimeout(() => this.socket.terminate(), closeHandshakeTimeoutMs);
      this.closeTimer.unref();
    }
    return this.closed;
  }

  /** Drop the TCP connection without a close frame (the peer sees 1006). */
  terminate(): void {
    if (this.currentState === 'closed') return;
    this.localClose = true;
    this.currentState = 'closing';
    this.socket.terminate();
  }

  /** Install (or with undefined remove) the interceptor; returns a function removing it. */
  setInterceptor(interceptor: FrameInterceptor | undefined): () => void {
    this.interceptor = interceptor;
    return () => {
      if (this.interceptor === interceptor) this.interceptor = undefined;
    };
  }

  /** Hand a frame to the socket, bypassing the interceptor, recording it first. */
  private transmit(text: string): void {
    if (this.currentState === 'closed' || this.socket.readyState !== this.socket.OPEN) {
      this.wireLog.record({
        kind: 'fault',
        connectionId: this.id,
        direction: 'out',
        fault: 'drop',
        detail: `not sent: connection ${this.currentState}`,
        text,
      });
      return;
    }
    this.wireLog.record({ kind: 'frame', connectionId: this.id, direction: 'out', text, encoding: 'utf8' });
    // One callback per connection, not a closure per frame (issue #14: per-frame cost).
    this.socket.send(text, textFrame, this.afterSend);
  }

  private onMessage(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    if (isBinary) {
      const entry = this.wireLog.record({
        kind: 'frame',
        connectionId: this.id,
        direction: 'in',
        text: bytes.toString('base64'),
        encoding: 'base64',
      });
      this.emit(this.invalidListeners, (l) => l({ reason: 'binary', seq: entry.seq, bytes }));
      return;
    }
    // ws has already checked the frame is valid UTF-8 (RFC 6455 §8.1, else it closes with 1007).
    const text = bytes.toString('utf8');
    const entry = this.wireLog.record({ kind: 'frame', connectionId: this.id, direction: 'in', text, encoding: 'utf8' });
    if (this.interceptor?.inbound !== undefined) this.interceptor.inbound(text, entry.seq, (t, seq) => this.deliver(t, seq));
    else this.deliver(text, entry.seq);
  }

  private deliver(text: string, seq: number): void {
    if (this.earlyTexts !== undefined && this.textListeners.size === 0) {
      this.earlyTexts.push([text, seq]);
      return;
    }
    this.emit(this.textListeners, (l) => l(text, seq));
  }

  private onSocketClose(code: number, reason: string): void {
    if (this.closeTimer !== undefined) clearTimeout(this.closeTimer);
    const info: CloseInfo = { code, reason, initiator: this.localClose ? 'local' : 'remote' };
    this.currentState = 'closed';
    this.wireLog.record({ kind: 'close', connectionId: this.id, ...info });
    this.emit(this.closeListeners, (l) => l(code, reason, info.initiator));
    this.resolveClosed(info);
  }

  /** A listener that throws must not break the socket or the other listeners: it becomes an 'error' entry. */
  private emit<L>(listeners: Set<L>, call: (listener: L) => void): void {
    // One listener (the usual endpoint): no copy of the set per frame. Several: a copy, so one
    // that subscribes or leaves meanwhile changes who hears the next frame, not this one.
    if (listeners.size === 1) {
      for (const listener of listeners) {
        this.callSafely(listener, call);
        break;
      }
      return;
    }
    for (const listener of [...listeners]) this.callSafely(listener, call);
  }

  private callSafely<L>(listener: L, call: (listener: L) => void): void {
    try {
      call(listener);
    } catch (err) {
      this.wireLog.record({ kind: 'error', connectionId: this.id, message: `listener failed: ${String(err)}` });
    }
  }
}

