/**
 * The wire log: every frame in and out, recorded BEFORE any parsing, with a monotonic timestamp.
 * Verdicts are judged from it (DESIGN.md "Judge only what the wire log shows"), so it holds the
 * raw text exactly as on the wire, plus the connection events and injected faults that explain
 * gaps in a trace. HTTP headers are never recorded, so Basic auth passwords cannot leak through it.
 */
import { isoWall, systemClock, type Clock } from '../clock.js';

export type WireDirection = 'in' | 'out';

/** Subject attributes of an X.509 certificate, e.g. `{ CN: 'CP001', O: 'My CPO' }`. */
export interface CertificateSubject {
  CN?: string;
  O?: string;
  OU?: string;
  C?: string;
  [attribute: string]: string | undefined;
}

interface EntryBase {
  /** 1, 2, 3… in recording order across all connections of this log. */
  seq: number;
  connectionId: string;
  /** Clock.monoMs() at recording: only differences mean anything. */
  monoMs: number;
  wallMs: number;
  wallTime: string;
}

export interface FrameEntry extends EntryBase {
  kind: 'frame';
  direction: WireDirection;
  /** The frame exactly as on the wire (UTF-8 text), or base64 when `encoding` is 'base64'. */
  text: string;
  /** 'base64' marks a binary frame, which OCPP-J does not allow (2.0.1 Part 4 §4: text frames only). */
  encoding: 'utf8' | 'base64';
  /** True when a redactor replaced part of the text (the wire carried the original). */
  redacted?: true;
}

export interface OpenEntry extends EntryBase {
  kind: 'open';
  /** 'server': a station connected to us; 'client': we dialled out. */
  side: 'server' | 'client';
  identity?: string;
  /** Agreed subprotocol, null when none was agreed. */
  subprotocol: string | null;
  offeredSubprotocols: string[];
  remote?: string;
  url?: string;
  clientCertSubject?: CertificateSubject;
  /** Whether HTTP Basic auth was presented (the credentials themselves are never recorded). */
  basicAuth: boolean;
}

export interface CloseEntry extends EntryBase {
  kind: 'close';
  code: number;
  reason: string;
  /** Who started the close: us ('local') or the peer / the network ('remote'). */
  initiator: 'local' | 'remote';
}

export interface ErrorEntry extends EntryBase {
  kind: 'error';
  message: string;
}

/** An upgrade or TLS handshake we refused (or that failed) before a connection existed. */
export interface RejectedEntry extends EntryBase {
  kind: 'rejected';
  /** HTTP status sent, or 0 when the TLS handshake failed. */
  status: number;
  reason: string;
  path?: string;
  remote?: string;
}

/** An injected fault, so a trace explains a missing, late or mangled frame. */
export interface FaultEntry extends EntryBase {
  kind: 'fault';
  direction: WireDirection | 'both';
  fault: 'drop' | 'delay' | 'corrupt' | 'close';
  detail: string;
  /** The frame the fault acted on (before corruption), if any. */
  text?: string;
}

export type WireEntry = FrameEntry | OpenEntry | CloseEntry | ErrorEntry | RejectedEntry | FaultEntry;
export type WireEntryKind = WireEntry['kind'];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** What a recorder passes in; the log adds seq and timestamps. */
export type WireEntryInput = DistributiveOmit<WireEntry, keyof Omit<EntryBase, 'connectionId'>>;

/**
 * Rewrites frame text before it is stored, e.g. to mask an AuthorizationKey sent in a 1.6
 * ChangeConfiguration. Return the text unchanged when there is nothing to hide.
 */
export type FrameRedactor = (text: string, direction: WireDirection) => string;

export type WireLogListener = (entry: WireEntry) => void;

export class WireLog {
  private readonly clock: Clock;
  private readonly redactors: FrameRedactor[] = [];
  private readonly list: WireEntry[] = [];
  private readonly listeners = new Set<WireLogListener>();
  private nextSeq = 1;
  private nextConnection = 1;

  constructor(options: { clock?: Clock; redact?: FrameRedactor } = {}) {
    this.clock = options.clock ?? systemClock;
    if (options.redact !== undefined) this.redactors.push(options.redact);
  }

  /** Connection ids are unique within one log (`c1`, `c2`…), so a trace never mixes two sockets. */
  allocateConnectionId(): string {
    return `c${this.nextConnection++}`;
  }

  addRedactor(redactor: FrameRedactor): () => void {
    this.redactors.push(redactor);
    return () => {
      const i = this.redactors.indexOf(redactor);
      if (i >= 0) this.redactors.splice(i, 1);
    };
  }

  record(input: WireEntryInput): WireEntry {
    // Timestamp first: nothing we do afterwards may shift the recorded time of a frame.
    const monoMs = this.clock.monoMs();
    const wallMs = this.clock.wallMs();
    let body: WireEntryInput = input;
    if (input.kind === 'frame' && input.encoding === 'utf8') body = this.redactFrame(input);
    else if (input.kind === 'fault' && input.text !== undefined) {
      const text = this.applyRedactors(input.text, input.direction === 'in' ? 'in' : 'out');
      body = { ...input, text };
    }
    const entry = { ...body, seq: this.nextSeq++, monoMs, wallMs, wallTime: isoWall(wallMs) };
    this.list.push(entry);
    for (const listener of [...this.listeners]) {
      try {
        listener(entry);
      } catch {
        // A failing listener must not stop recording or starve the other listeners.
      }
    }
    return entry;
  }

  /** Called for every entry recorded from now on; returns the unsubscribe function. */
  onEntry(listener: WireLogListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  entries(): WireEntry[] {
    return [...this.list];
  }

  /** Entries with a sequence number greater than `seq`. */
  since(seq: number): WireEntry[] {
    // seq starts at 1 and increases by one, so the index is seq - 1.
    return this.list.slice(Math.max(0, seq));
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** One JSON object per line (JSON Lines), in recording order. */
  toJsonLines(filter?: (entry: WireEntry) => boolean): string {
    const chosen = filter === undefined ? this.list : this.list.filter(filter);
    return chosen.map((e) => `${JSON.stringify(e)}\n`).join('');
  }

  private redactFrame(input: Extract<WireEntryInput, { kind: 'frame' }>): WireEntryInput {
    const text = this.applyRedactors(input.text, input.direction);
    return text === input.text ? input : { ...input, text, redacted: true };
  }

  private applyRedactors(text: string, direction: WireDirection): string {
    return this.redactors.reduce((t, redact) => redact(t, direction), text);
  }
}
