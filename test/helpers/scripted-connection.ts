/**
 * A SessionConnection driven by the test: `deliver` hands the endpoint a frame as the peer would
 * (with a wire-log sequence number), `sent` is every frame the endpoint put on the wire, and
 * `failSends` makes `send` throw as a broken socket does. Plus a manual monotonic clock, so the
 * figures an endpoint reports (round-trip, waited) are exact.
 */
import type { Clock } from '../../src/clock.js';
import type { SessionConnection } from '../../src/session/types.js';

export interface ScriptedConnection extends SessionConnection {
  readonly sent: string[];
  /** Frames sent, parsed. */
  sentFrames(): unknown[][];
  deliver(text: string): void;
  /** A frame from a transport that keeps no wire log (no sequence number). */
  deliverUnlogged(text: string): void;
  /** The peer closes the connection. */
  drop(code: number, reason: string): void;
  failSends: boolean;
  closedWith: { code: number | undefined; reason: string | undefined } | undefined;
}

export function scriptedConnection(id = 'c1'): ScriptedConnection {
  const textListeners: Array<(text: string, frameSeq?: number) => void> = [];
  const closeListeners: Array<(code: number, reason: string) => void> = [];
  let frameSeq = 0;
  const conn: ScriptedConnection = {
    id,
    sent: [],
    failSends: false,
    closedWith: undefined,
    sentFrames: () => conn.sent.map((t) => JSON.parse(t) as unknown[]),
    send(text) {
      if (conn.failSends) throw new Error('socket is gone');
      conn.sent.push(text);
    },
    onText(listener) {
      textListeners.push(listener);
    },
    onClose(listener) {
      closeListeners.push(listener);
    },
    close(code, reason) {
      conn.closedWith = { code, reason };
    },
    deliver(text) {
      frameSeq += 1;
      for (const l of textListeners) l(text, frameSeq);
    },
    deliverUnlogged(text) {
      for (const l of textListeners) l(text);
    },
    drop(code, reason) {
      for (const l of closeListeners) l(code, reason);
    },
  };
  return conn;
}

export interface ManualClock extends Clock {
  advance(ms: number): void;
}

export function manualClock(startMs = 1000): ManualClock {
  let now = startMs;
  return {
    monoMs: () => now,
    wallMs: () => 1_700_000_000_000 + now,
    sleep: () => Promise.resolve(),
    advance(ms) {
      now += ms;
    },
  };
}

/** Let queued microtasks and immediates run (the endpoint handles frames asynchronously). */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
