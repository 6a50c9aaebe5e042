/**
 * The wire log: every frame in and out, recorded BEFORE any parsing, with a monotonic timestamp.
 * Verdicts are judged from it (DESIGN.md "Judge only what the wire log shows"), so it holds the
 * raw text exactly as on the wire, plus the connection events and injected faults that explain
 * gaps in a trace. HTTP headers are never recorded, so Basic auth passwords cannot leak through it.
 */
import { createHash } from 'node:crypto';
import { isoWall, systemClock, type Clock } from '../clock.js';

/** Default of `maxStoredFrameBytes` (config: maxStoredFrameBytes): far above any normal OCPP message. */
export const defaultMaxStoredFrameBytes = 64 * 1024;
/** How much of an oversized frame is kept in memory and in the reports. */
export const storedFrameHeadChars = 1024;

/**
 * The in-memory cap of a simulator's wire log (issue #14): a simulator judges nothing from its
 * log, so it keeps only the recent frames a `--verbose` view or a test looks at.
 */
export const simulatorWireLogMaxEntries = 2000;

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
  /**
   * Set when the frame was larger than the log's `maxStoredFrameBytes`: `text` is then only its
   * head; the full (redacted) text went to the sink (wire.jsonl) under the same seq.
   */
  stored?: StoredFrameInfo;
}

/** How a frame too large to keep was kept: the length and hash of the full (redacted) text. */
export interface StoredFrameInfo {
  /** Length of the full text in UTF-16 code units (characters), as `text.length` would be. */
  length: number;
  /** Its size in bytes as recorded (UTF-8, or the base64 text of a binary frame). */
  bytes: number;
  sha256: string;
  /** Characters of the head kept in `text`. */
  headLength: number;
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
  fault: 'drop' | 'delay' | 'corrupt' | 'close' | 'duplicate' | 'reorder';
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

/** Where every entry goes in full, as one JSON line, the moment it is recorded (transport/wire-log-file.ts). */
export interface WireLogSink {
  write(line: string): void;
}

export interface WireLogOptions {
  clock?: Clock;
  redact?: FrameRedactor;
  /**
   * Frames above this size (bytes) are kept in memory as a head + sha256 + length (issue #12:
   * 70 frames of 9 MB took RSS past 1.4 GB and a report past V8's string limit). Default 64 KB.
   */
  maxStoredFrameBytes?: number;
  /** Receives every entry in full as it is recorded, so the whole wire survives on disk. */
  sink?: WireLogSink;
  /**
   * Keep at most about this many entries in memory (the oldest leave first); default: no cap.
   * The simulators set one (issue #14: a long-running `sim csms` grew ~0.62 KB per frame).
   */
  maxEntries?: number;
}

type FrameInput = Extract<WireEntryInput, { kind: 'frame' }>;

/**
 * A frame entry built with explicit fields in one constructor (one hidden class, no object
 * spread: issue #14 measured the spread at 2.1 µs per frame). `wallTime` is derived from
 * `wallMs` only when read, i.e. when a trace or report is written (`toISOString` cost up to
 * 0.8 µs per frame); `toJSON` writes it, so wire.jsonl and traces look exactly as before.
 */
class FrameRecord implements FrameEntry {
  readonly kind = 'frame' as const;
  readonly connectionId: string;
  readonly direction: WireDirection;
  readonly text: string;
  readonly encoding: 'utf8' | 'base64';
  // `declare`: no own property at all when absent, as in the spread-built entries.
  declare readonly redacted?: true;
  declare readonly stored?: StoredFrameInfo;
  readonly seq: number;
  readonly monoMs: number;
  readonly wallMs: number;

  constructor(seq: number, monoMs: number, wallMs: number, input: FrameInput, text: string, redacted: boolean, stored: StoredFrameInfo | undefined) {
    this.connectionId = input.connectionId;
    this.direction = input.direction;
    this.text = text;
    this.encoding = input.encoding;
    if (redacted || input.redacted === true) (this as { redacted?: true }).redacted = true;
    if (stored !== undefined) (this as { stored?: StoredFrameInfo }).stored = stored;
    this.seq = seq;
    this.monoMs = monoMs;
    this.wallMs = wallMs;
  }

  get wallTime(): string {
    return isoWall(this.wallMs);
  }

  /** Own fields plus the derived wallTime, in the order the spread-built entries had. */
  toJSON(): FrameEntry {
    return {
      kind: this.kind,
      connectionId: this.connectionId,
      direction: this.direction,
      text: this.text,
      encoding: this.encoding,
      ...(this.redacted ? { redacted: true as const } : {}),
      ...(this.stored ? { stored: this.stored } : {}),
      seq: this.seq,
      monoMs: this.monoMs,
      wallMs: this.wallMs,
      wallTime: this.wallTime,
    };
  }
}

// Enumerable, so deep comparisons and `for…in` see wallTime as they did on plain entries (an
// object spread of an entry copies own fields only: use toJSON() for a plain copy).
Object.defineProperty(FrameRecord.prototype, 'wallTime', { enumerable: true });

export class WireLog {
  private readonly clock: Clock;
  private readonly redactors: FrameRedactor[] = [];
  /** Entries still held in memory; `list[i]` has seq `offset + i + 1`. */
  private list: WireEntry[] = [];
  private offset = 0;
  /**
   * Copy-on-write: subscribing replaces the array, so `record` iterates a snapshot without
   * copying it per entry, and a listener added during dispatch first sees the next entry.
   */
  private listeners: readonly WireLogListener[] = [];
  private readonly maxStoredFrameBytes: number;
  private readonly maxEntries: number;
  private sink: WireLogSink | undefined;
  private nextSeq = 1;
  private nextConnection = 1;

  constructor(options: WireLogOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.maxStoredFrameBytes = options.maxStoredFrameBytes ?? defaultMaxStoredFrameBytes;
    this.maxEntries = options.maxEntries !== undefined && options.maxEntries > 0 ? Math.floor(options.maxEntries) : Infinity;
    this.sink = options.sink;
    if (options.redact !== undefined) this.redactors.push(options.redact);
  }

  /** Stream every entry from now on to `sink` (replacing any earlier one); undefined stops streaming. */
  setSink(sink: WireLogSink | undefined): void {
    this.sink = sink;
  }

  /** Whether entries are streamed to a sink, so releasing them from memory loses nothing. */
  get hasSink(): boolean {
    return this.sink !== undefined;
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
    const seq = this.nextSeq++;
    const full = input.kind === 'frame' ? this.frameEntry(seq, monoMs, wallMs, input) : this.otherEntry(seq, monoMs, wallMs, input);
    if (this.sink !== undefined) {
      try {
        this.sink.write(`${JSON.stringify(full)}\n`);
      } catch {
        // A full disk must not stop the run: the in-memory log and the reports still have the entry.
      }
    }
    const entry = this.bounded(full);
    this.list.push(entry);
    // A capped buffer (the simulators): trimmed in chunks so the cost per entry stays O(1)
    // amortised; memory stays below maxEntries plus a quarter.
    if (this.list.length > this.maxEntries + Math.max(16, this.maxEntries >> 2)) this.release(seq - this.maxEntries);
    const listeners = this.listeners;
    for (let i = 0; i < listeners.length; i++) {
      try {
        (listeners[i] as WireLogListener)(entry);
      } catch {
        // A failing listener must not stop recording or starve the other listeners.
      }
    }
    return entry;
  }

  /** Called for every entry recorded from now on; returns the unsubscribe function. */
  onEntry(listener: WireLogListener): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners = this.listeners.filter((_, j) => j !== i);
    };
  }

  /** The entries still in memory: all of them unless `maxEntries` or `release` let some go. */
  entries(): WireEntry[] {
    return this.list.slice();
  }

  /** Entries still in memory with a sequence number greater than `seq`. */
  since(seq: number): WireEntry[] {
    return this.list.slice(Math.max(0, seq - this.offset));
  }

  /**
   * Let the entries up to and including `seq` leave memory (issue #14: retention per case):
   * call it once their trace is written; with a sink the full wire is on disk already.
   */
  release(seq: number): void {
    const n = Math.min(this.list.length, seq - this.offset);
    if (n <= 0) return;
    this.list = this.list.slice(n);
    this.offset += n;
  }

  /** The seq of the last entry recorded, released or not. */
  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** How many entries are held in memory now. */
  get retained(): number {
    return this.list.length;
  }

  /** One JSON object per line (JSON Lines), in recording order. */
  toJsonLines(filter?: (entry: WireEntry) => boolean): string {
    const chosen = filter === undefined ? this.list : this.list.filter(filter);
    return chosen.map((e) => `${JSON.stringify(e)}\n`).join('');
  }

  private frameEntry(seq: number, monoMs: number, wallMs: number, input: FrameInput): FrameRecord {
    let text = input.text;
    let redacted = false;
    if (input.encoding === 'utf8' && this.redactors.length > 0) {
      const masked = this.applyRedactors(text, input.direction);
      if (masked !== text) {
        text = masked;
        redacted = true;
      }
    }
    return new FrameRecord(seq, monoMs, wallMs, input, text, redacted, undefined);
  }

  /** Connection events and faults: rare, so built generically. */
  private otherEntry(seq: number, monoMs: number, wallMs: number, input: Exclude<WireEntryInput, FrameInput>): WireEntry {
    let body = input;
    if (input.kind === 'fault' && input.text !== undefined) {
      body = { ...input, text: this.applyRedactors(input.text, input.direction === 'in' ? 'in' : 'out') };
    }
    return { ...body, seq, monoMs, wallMs, wallTime: isoWall(wallMs) };
  }

  /** The entry as kept in memory: an oversized frame (or fault text) is cut to its head. */
  private bounded(entry: WireEntry): WireEntry {
    if (entry.kind !== 'frame' && entry.kind !== 'fault') return entry;
    const text = entry.text;
    // Cheap bound first: a string of n UTF-16 units is at most 3n UTF-8 bytes.
    if (text === undefined || text.length * 3 <= this.maxStoredFrameBytes) return entry;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes <= this.maxStoredFrameBytes) return entry;
    const stored: StoredFrameInfo = { length: text.length, bytes, sha256: createHash('sha256').update(text).digest('hex'), headLength: storedFrameHeadChars };
    // slice() of a huge string may share its buffer in V8; a copy lets the full text be freed.
    const head = Buffer.from(text.slice(0, storedFrameHeadChars), 'utf8').toString('utf8');
    if (entry.kind === 'fault') return { ...entry, text: head };
    const input: FrameInput = { kind: 'frame', connectionId: entry.connectionId, direction: entry.direction, text: head, encoding: entry.encoding };
    return new FrameRecord(entry.seq, entry.monoMs, entry.wallMs, input, head, entry.redacted === true, stored);
  }

  private applyRedactors(text: string, direction: WireDirection): string {
    let out = text;
    for (const redact of this.redactors) out = redact(out, direction);
    return out;
  }
}
