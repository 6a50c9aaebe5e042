/**
 * The journal: everything the harness observed on its link to the DUT, across reconnections, in
 * arrival order with monotonic timestamps and wire-log frame references. Expectations are queries
 * over it with a deadline; nothing is consumed by reading, so two expectations can look at the
 * same frame and a report can show exactly which frames a verdict looked at.
 */
import type { Clock } from '../clock.js';
import type { Finding } from '../protocol/findings.js';
import type { JsonObject } from '../protocol/frames.js';
import { walkJson } from '../protocol/walk.js';
import type { OcppEndpoint, SessionEvent } from '../session/endpoint.js';

export type JournalEntry =
  | {
      index: number;
      kind: 'callIn' | 'callOut' | 'sendIn';
      connectionId: string;
      monoMs: number;
      action: string;
      messageId: string;
      payload: JsonObject;
      frameSeq?: number;
    }
  | {
      index: number;
      kind: 'resultIn' | 'resultOut';
      connectionId: string;
      monoMs: number;
      action: string | undefined;
      messageId: string;
      payload: JsonObject;
      frameSeq?: number;
    }
  | {
      index: number;
      kind: 'errorIn' | 'errorOut';
      connectionId: string;
      monoMs: number;
      action: string | undefined;
      messageId: string;
      errorCode: string;
      errorDescription: string;
      frameSeq?: number;
    }
  | { index: number; kind: 'finding'; connectionId: string; monoMs: number; finding: Finding }
  | { index: number; kind: 'connected'; connectionId: string; monoMs: number; identity?: string; subprotocol?: string | null }
  | { index: number; kind: 'disconnected'; connectionId: string; monoMs: number; code: number; reason: string }
  /** A connection attempt of the DUT the harness refused (HTTP status, no WebSocket). */
  | { index: number; kind: 'refused'; connectionId: string; monoMs: number; status: number; reason: string };

type Distribute<T> = T extends unknown ? Omit<T, 'index'> : never;
export type NewJournalEntry = Distribute<JournalEntry>;

export class Journal {
  private readonly list: JournalEntry[] = [];
  private readonly waiters = new Set<() => void>();
  /** Payloads above this estimated size are kept compacted (see `compactPayload`). */
  readonly maxPayloadBytes: number;

  /** Told of every endpoint the links attach (the run's fault injection installs itself there). */
  private readonly onAttach: ((endpoint: OcppEndpoint) => void) | undefined;

  constructor(readonly clock: Clock, options: { maxPayloadBytes?: number; onAttach?: (endpoint: OcppEndpoint) => void } = {}) {
    this.maxPayloadBytes = options.maxPayloadBytes ?? defaultMaxPayloadBytes;
    this.onAttach = options.onAttach;
  }

  get length(): number {
    return this.list.length;
  }

  entries(from = 0, to = this.list.length): readonly JournalEntry[] {
    return this.list.slice(from, to);
  }

  at(index: number): JournalEntry | undefined {
    return this.list[index];
  }

  add(entry: NewJournalEntry): JournalEntry {
    const kept =
      'payload' in entry
        ? { ...entry, payload: compactPayload(entry.payload, this.maxPayloadBytes) }
        : entry.kind === 'finding' && entry.finding.message.length > keptStringChars * 4
          ? // A finding may quote a peer's value ("got …"): a hostile 9 MB value must not live on in it.
            { ...entry, finding: { ...entry.finding, message: `${detachedHead(entry.finding.message, keptStringChars * 4)}…[cut]` } }
          : entry;
    const full: JournalEntry = { ...kept, index: this.list.length };
    this.list.push(full);
    for (const wake of [...this.waiters]) wake();
    return full;
  }

  /** Follow an endpoint: every session event becomes a journal entry. */
  attach(endpoint: OcppEndpoint, meta: { identity?: string; subprotocol?: string | null } = {}): () => void {
    const connectionId = endpoint.connection.id;
    this.onAttach?.(endpoint);
    this.add({ kind: 'connected', connectionId, monoMs: this.clock.monoMs(), ...meta });
    return endpoint.onEvent((event) => {
      const entry = toEntry(event, connectionId, this.clock.monoMs());
      if (entry) this.add(entry);
    });
  }

  /** First entry at or after `from` that matches, waiting until `deadlineMono` (monotonic ms). */
  async waitFor(
    predicate: (entry: JournalEntry) => boolean,
    options: { from: number; deadlineMono: number; signal?: AbortSignal },
  ): Promise<JournalEntry | undefined> {
    let scanned = options.from;
    const scan = (): JournalEntry | undefined => {
      for (; scanned < this.list.length; scanned++) {
        const entry = this.list[scanned];
        if (entry && predicate(entry)) return entry;
      }
      return undefined;
    };
    const found = scan();
    if (found) return found;
    return new Promise<JournalEntry | undefined>((resolve) => {
      const finish = (value: JournalEntry | undefined): void => {
        this.waiters.delete(wake);
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        resolve(value);
      };
      const wake = (): void => {
        const hit = scan();
        if (hit) finish(hit);
      };
      const onAbort = (): void => finish(undefined);
      this.waiters.add(wake);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const timer = setTimeout(() => finish(scan()), Math.max(0, options.deadlineMono - this.clock.monoMs()));
    });
  }
}

/** Same default as the wire log's maxStoredFrameBytes: the journal never holds more of a frame than the report does. */
export const defaultMaxPayloadBytes = 64 * 1024;
/** Characters of an oversized string kept in a compacted payload. */
const keptStringChars = 1024;
/** Items of an oversized array kept in a compacted payload. */
const keptArrayItems = 256;

/**
 * Issue #12 bounded memory: the journal lives for the whole run, and expectations match on its
 * parsed payloads, so a DUT sending 100 frames of 9 MB must not leave 100 parsed copies behind.
 * A payload whose estimated size passes `maxBytes` is kept with long strings cut to their head
 * (marked with the original length) and long arrays cut to their first items (plus one marker
 * string). The checks (schema, format) ran on the full payload before it got here, and the full
 * frame is in wire.jsonl; only matching on the cut parts of such a frame can differ.
 */
export function compactPayload(payload: JsonObject, maxBytes: number): JsonObject {
  if (estimatedSizeWithin(payload, maxBytes)) return payload;
  return cutCopy(payload);
}

/** True when the payload's JSON is certainly no larger than `maxBytes` (estimate: strings, keys, one byte per scalar). */
function estimatedSizeWithin(payload: unknown, maxBytes: number): boolean {
  let size = 0;
  const { complete } = walkJson(payload, ({ value, key }) => {
    size += (typeof key === 'string' ? key.length + 3 : 1) + (typeof value === 'string' ? value.length + 2 : typeof value === 'object' ? 2 : 8);
    return size > maxBytes ? 'skip' : undefined;
  });
  return complete && size <= maxBytes;
}

/** A copy with long strings and arrays cut, built iteratively (payloads may nest deep). */
function cutCopy(payload: JsonObject): JsonObject {
  const cut = (value: unknown): unknown => {
    if (typeof value === 'string' && value.length > keptStringChars) return `${detachedHead(value, keptStringChars)}…[${value.length} characters; not kept: frame above maxStoredFrameBytes]`;
    if (Array.isArray(value)) {
      const items = value.slice(0, keptArrayItems);
      if (value.length > keptArrayItems) items.push(`…[${value.length - keptArrayItems} more items; not kept: frame above maxStoredFrameBytes]`);
      return items;
    }
    if (value !== null && typeof value === 'object') return { ...(value as Record<string, unknown>) };
    return value;
  };
  const root = cut(payload) as JsonObject;
  walkJson(root, ({ value, parent, key }) => {
    if (parent === undefined || key === undefined) return undefined;
    const replaced = cut(value);
    if (Array.isArray(parent)) parent[key as number] = replaced;
    else parent[key as string] = replaced;
    return undefined;
  });
  return root;
}

/** The first `n` characters as a string of their own: V8's slice() may keep the whole 9 MB parent alive. */
function detachedHead(text: string, n: number): string {
  return Buffer.from(text.slice(0, n), 'utf8').toString('utf8');
}

function toEntry(event: SessionEvent, connectionId: string, monoMs: number): NewJournalEntry | undefined {
  switch (event.type) {
    case 'callIn':
    case 'callOut':
    case 'sendIn':
      return { kind: event.type, connectionId, monoMs: event.monoMs, action: event.action, messageId: event.messageId, payload: event.payload, ...frame(event) };
    case 'resultIn':
    case 'resultOut':
      return { kind: event.type, connectionId, monoMs: event.monoMs, action: event.action, messageId: event.messageId, payload: event.payload, ...frame(event) };
    case 'errorIn':
    case 'errorOut':
      return {
        kind: event.type,
        connectionId,
        monoMs: event.monoMs,
        action: event.action,
        messageId: event.messageId,
        errorCode: event.errorCode,
        errorDescription: event.errorDescription,
        ...frame(event),
      };
    case 'finding':
      return { kind: 'finding', connectionId, monoMs, finding: event.finding };
    case 'close':
      return { kind: 'disconnected', connectionId, monoMs, code: event.code, reason: event.reason };
  }
}

function frame(event: SessionEvent): { frameSeq?: number } {
  return 'frameSeq' in event && event.frameSeq !== undefined ? { frameSeq: event.frameSeq } : {};
}
