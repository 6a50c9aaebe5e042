/**
 * The journal: everything the harness observed on its link to the DUT, across reconnections, in
 * arrival order with monotonic timestamps and wire-log frame references. Expectations are queries
 * over it with a deadline; nothing is consumed by reading, so two expectations can look at the
 * same frame and a report can show exactly which frames a verdict looked at.
 */
import type { Clock } from '../clock.js';
import type { Finding } from '../protocol/findings.js';
import type { JsonObject } from '../protocol/frames.js';
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

  constructor(readonly clock: Clock) {}

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
    const full: JournalEntry = { ...entry, index: this.list.length };
    this.list.push(full);
    for (const wake of [...this.waiters]) wake();
    return full;
  }

  /** Follow an endpoint: every session event becomes a journal entry. */
  attach(endpoint: OcppEndpoint, meta: { identity?: string; subprotocol?: string | null } = {}): () => void {
    const connectionId = endpoint.connection.id;
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
