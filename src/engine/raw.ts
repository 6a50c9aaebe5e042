/**
 * Raw frames for robustness cases (issue #16): put any text on the wire (`ctx.sendRaw`) and
 * expect the DUT's answer at byte level — the exact frame it sent back, a WebSocket close code,
 * or the HTTP status of a refused upgrade — with the same step records (expected vs actual, the
 * frames looked at, deadlines on the monotonic clock) as every other expectation.
 *
 * The answer to a raw frame is read from the frames the connection delivers (their wire-log
 * sequence numbers make them show in the report), not from the session's matching: a malformed
 * CALL has no action to match, and an unreadable one is answered under the id "-1" (OCPP-J 1.6
 * §4.2.3, 2.0.1 Part 4 §4.2.3). Those ids are announced to the endpoint so the answer is not
 * reported as a response to an unknown CALL.
 */
import type { Clock } from '../clock.js';
import { unreadableMessageId } from '../protocol/frames.js';
import type { OcppEndpoint } from '../session/endpoint.js';
import { connectionUrl, dial } from '../transport/client.js';
import { probeUpgrade, type UpgradeProbe } from '../transport/upgrade-probe.js';
import { WireLog } from '../transport/wire-log.js';
import type { CheckRecord } from './context-types.js';
import type { Journal, JournalEntry } from './journal.js';
import { brief } from './match.js';

/** What `sendRaw` put on the wire. */
export interface RawSent {
  text: string;
  /** The message id read from the text, when it has one (a JSON array whose 2nd element is a string). */
  messageId: string | undefined;
  connectionId: string;
  /** Index into the inbound frames of this connection from which the answer is searched. */
  inboundFrom: number;
  sentMonoMs: number;
}

/** One frame the DUT sent, as on the wire. */
export interface RawFrame {
  text: string;
  frameSeq: number | undefined;
  monoMs: number;
  /** JSON.parse of the text, undefined when it is not JSON. */
  parsed: unknown;
}

/** The DUT's answer to a raw frame: a response frame, a close, or nothing by the deadline. */
export type RawAnswer =
  | { kind: 'result'; frame: RawFrame; messageId: string }
  | { kind: 'error'; frame: RawFrame; messageId: string; errorCode: unknown; errorDescription: unknown; errorDetails: unknown; elements: number }
  | { kind: 'closed'; code: number; reason: string }
  | { kind: 'none'; waitedMs: number };

export interface RawHost {
  peer(): Promise<OcppEndpoint>;
  record(check: CheckRecord): void;
  clock: Clock;
  signal: AbortSignal;
  journal: Journal;
  messageTimeoutMs: number;
  /** Station role: the CSMS endpoint URL the run dials (undefined in the CSMS role). */
  csmsUrl(): string | undefined;
}

/** What a probe connection (`raw.dial`) got: an upgrade refused with an HTTP status, or a connection and the answer to one frame. */
export type DialOutcome =
  | { connected: false; status: number | undefined; reason: string }
  | { connected: true; subprotocol: string | null; answer: RawFrame | undefined; closeCode: number | undefined };

/** Frames kept per connection: a robustness case exchanges a handful; a flood must not grow memory. */
const keptInbound = 2000;

interface Tap {
  frames: RawFrame[];
  dropped: number;
}

/**
 * One tap per connection, shared by every case that uses it: a connection that lives across many
 * cases gets one listener, and at most `keptInbound` frames are held for it.
 */
const taps = new WeakMap<OcppEndpoint, Tap>();

export class RawFrames {
  constructor(private readonly host: RawHost) {}

  /** Put `text` on the wire as it is; the answer is searched from here. */
  async send(text: string, options: { describe?: string } = {}): Promise<RawSent> {
    const peer = await this.host.peer();
    const tap = this.tapOf(peer);
    const messageId = idOf(text);
    // The answer to an unreadable frame carries "-1"; announce both so neither is a stray response.
    peer.sendRaw(text, { responseIds: messageId === undefined ? [unreadableMessageId] : [messageId, unreadableMessageId] });
    const sent: RawSent = { text, messageId, connectionId: peer.connection.id, inboundFrom: tap.frames.length + tap.dropped, sentMonoMs: this.host.clock.monoMs() };
    this.host.record({ description: options.describe ?? 'Send a raw frame', expected: 'the frame is on the wire', actual: brief(text), ok: true, severity: 'warning', frames: [] });
    return sent;
  }

  /**
   * Wait for the DUT's response (CALLRESULT / CALLERROR) to a raw frame, or the connection's
   * close. Nothing is judged here: the case judges the answer with `check`.
   */
  async answer(sent: RawSent, options: { withinMs?: number } = {}): Promise<RawAnswer> {
    const peer = await this.host.peer().catch(() => undefined);
    const tap = peer && peer.connection.id === sent.connectionId ? taps.get(peer) : undefined;
    const withinMs = options.withinMs ?? this.host.messageTimeoutMs;
    const deadline = this.host.clock.monoMs() + withinMs;
    const ids = new Set([sent.messageId ?? unreadableMessageId, unreadableMessageId]);
    const isAnswer = (f: RawFrame): boolean => Array.isArray(f.parsed) && (f.parsed[0] === 3 || f.parsed[0] === 4) && ids.has(String(f.parsed[1]));
    for (;;) {
      const found = tap?.frames.slice(Math.max(0, sent.inboundFrom - tap.dropped)).find(isAnswer);
      if (found) return toAnswer(found);
      const closed = this.closeOf(sent.connectionId);
      if (closed) return closed;
      const left = deadline - this.host.clock.monoMs();
      if (left <= 0 || this.host.signal.aborted) return { kind: 'none', waitedMs: withinMs };
      await this.host.journal.waitFor(() => true, { from: this.host.journal.length, deadlineMono: this.host.clock.monoMs() + Math.min(left, 50), signal: this.host.signal });
    }
  }

  /** The next frame the DUT sends on this connection that `predicate` accepts (bytes as on the wire). */
  async frame(predicate: (frame: RawFrame) => boolean, options: { withinMs?: number; from?: RawSent } = {}): Promise<RawFrame | undefined> {
    const peer = await this.host.peer();
    const tap = this.tapOf(peer);
    const from = options.from ? Math.max(0, options.from.inboundFrom - tap.dropped) : tap.frames.length;
    const deadline = this.host.clock.monoMs() + (options.withinMs ?? this.host.messageTimeoutMs);
    for (;;) {
      const found = tap.frames.slice(from).find(predicate);
      if (found) return found;
      const left = deadline - this.host.clock.monoMs();
      if (left <= 0 || this.host.signal.aborted || peer.closed) return undefined;
      await this.host.journal.waitFor(() => true, { from: this.host.journal.length, deadlineMono: this.host.clock.monoMs() + Math.min(left, 50), signal: this.host.signal });
    }
  }

  /**
   * Station role: open one extra connection to the CSMS beside the run's (IB-01/03/06/28 probes):
   * with `identity` (default the run's), offering `subprotocols`, then send `send` and wait for
   * the first frame back. The probe never carries the run's Basic auth or TLS client certificate;
   * its frames are kept in a log of its own, the outcome lands in the step.
   */
  async dial(options: { identity: string; subprotocols: readonly string[]; send?: string; withinMs?: number; describe?: string }): Promise<DialOutcome> {
    const url = this.host.csmsUrl();
    if (url === undefined) throw new Error('raw.dial() is for the station role (SUT = CSMS): the harness-as-CSMS does not dial');
    const withinMs = options.withinMs ?? this.host.messageTimeoutMs;
    let outcome: DialOutcome;
    try {
      const conn = await dial(url, { identity: options.identity, subprotocols: options.subprotocols, wireLog: new WireLog({ clock: this.host.clock }), handshakeTimeoutMs: withinMs });
      let closeCode: number | undefined;
      let answer: RawFrame | undefined;
      const got = new Promise<void>((resolve) => {
        conn.onText((text, frameSeq) => {
          answer ??= { text, frameSeq: undefined, monoMs: this.host.clock.monoMs(), parsed: parseOrUndefined(text) };
          void frameSeq;
          resolve();
        });
        conn.onClose((code) => {
          closeCode = code;
          resolve();
        });
      });
      if (options.send !== undefined && conn.state === 'open') conn.send(options.send);
      const stop = new AbortController();
      await Promise.race([got, this.host.clock.sleep(options.send === undefined ? Math.min(500, withinMs) : withinMs, stop.signal).catch(() => undefined)]);
      stop.abort();
      outcome = { connected: true, subprotocol: conn.info.subprotocol, answer, closeCode };
      if (conn.state === 'open') await conn.close(1000, 'probe done');
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const status = /HTTP (\d{3})/.exec(reason)?.[1];
      outcome = { connected: false, status: status === undefined ? undefined : Number(status), reason };
    }
    this.host.record({
      description: options.describe ?? `Probe connection as ${JSON.stringify(options.identity)} offering ${options.subprotocols.join(', ') || 'no subprotocol'}`,
      expected: 'a WebSocket handshake attempt',
      actual: outcome.connected ? `connected, subprotocol ${outcome.subprotocol ?? 'none'}${outcome.answer ? `; answer ${brief(outcome.answer.text)}` : ''}${outcome.closeCode === undefined ? '' : `; closed with ${outcome.closeCode}`}` : `not connected: ${outcome.reason}`,
      ok: true,
      severity: 'warning',
      frames: [],
    });
    return outcome;
  }

  /**
   * Station role: a bare opening handshake offering `subprotocols` (transport/upgrade-probe.ts),
   * for what a WebSocket library hides: the answer's Sec-WebSocket-Protocol and whether the CSMS
   * closes right after a handshake without one. Like `dial`, it carries no Basic auth or TLS
   * client certificate; credentials in the URL are not sent and never printed.
   */
  async upgrade(options: { identity: string; subprotocols: readonly string[]; withinMs?: number; describe?: string }): Promise<UpgradeProbe> {
    const url = this.host.csmsUrl();
    if (url === undefined) throw new Error('raw.upgrade() is for the station role (SUT = CSMS): the harness-as-CSMS does not dial');
    const target = new URL(connectionUrl(url, options.identity));
    target.username = '';
    target.password = '';
    const outcome = await probeUpgrade({ url: target.toString(), subprotocols: options.subprotocols, withinMs: options.withinMs ?? this.host.messageTimeoutMs });
    this.host.record({
      description: options.describe ?? `Bare handshake as ${JSON.stringify(options.identity)} offering ${options.subprotocols.join(', ') || 'no subprotocol'}`,
      expected: 'a WebSocket handshake attempt',
      actual: outcome.upgraded
        ? `101, Sec-WebSocket-Protocol ${outcome.subprotocol ?? 'absent'}; ${outcome.closedAfterMs === undefined ? 'still open at the deadline' : `closed after ${outcome.closedAfterMs} ms${outcome.closeCode === undefined ? '' : ` (code ${outcome.closeCode})`}`}`
        : `not upgraded: ${outcome.reason}`,
      ok: true,
      severity: 'warning',
      frames: [],
    });
    return outcome;
  }

  /** The close of connection `connectionId`, if the journal saw it. */
  closeOf(connectionId: string): { kind: 'closed'; code: number; reason: string } | undefined {
    const e = this.host.journal.entries().find((x): x is Extract<JournalEntry, { kind: 'disconnected' }> => x.kind === 'disconnected' && x.connectionId === connectionId);
    return e ? { kind: 'closed', code: e.code, reason: e.reason } : undefined;
  }

  /** A refused connection attempt (HTTP status instead of an upgrade) journalled since `from`. */
  refusedSince(from: number): { status: number; reason: string } | undefined {
    const e = this.host.journal.entries(from).find((x): x is Extract<JournalEntry, { kind: 'refused' }> => x.kind === 'refused');
    return e ? { status: e.status, reason: e.reason } : undefined;
  }

  private tapOf(peer: OcppEndpoint): Tap {
    const known = taps.get(peer);
    if (known) return known;
    const tap: Tap = { frames: [], dropped: 0 };
    const clock = this.host.clock;
    peer.connection.onText((text, frameSeq) => {
      tap.frames.push({ text, frameSeq, monoMs: clock.monoMs(), parsed: parseOrUndefined(text) });
      if (tap.frames.length > keptInbound) {
        tap.frames.shift();
        tap.dropped++;
      }
    });
    taps.set(peer, tap);
    return tap;
  }
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The message id of a frame text, when it is a JSON array with a string in 2nd place. */
export function idOf(text: string): string | undefined {
  const parsed = parseOrUndefined(text);
  return Array.isArray(parsed) && typeof parsed[1] === 'string' ? parsed[1] : undefined;
}

function toAnswer(frame: RawFrame): RawAnswer {
  const a = frame.parsed as unknown[];
  const messageId = String(a[1]);
  if (a[0] === 3) return { kind: 'result', frame, messageId };
  return { kind: 'error', frame, messageId, errorCode: a[2], errorDescription: a[3], errorDetails: a[4], elements: a.length };
}

/** A short text for a report's "actual". */
export function describeAnswer(answer: RawAnswer): string {
  switch (answer.kind) {
    case 'result':
    case 'error':
      return answer.frame.text.length > 300 ? `${answer.frame.text.slice(0, 297)}...` : answer.frame.text;
    case 'closed':
      return `the connection closed (code ${answer.code}${answer.reason ? `, ${answer.reason}` : ''})`;
    case 'none':
      return `no response within ${Math.round(answer.waitedMs)} ms`;
  }
}

/** The frames an answer looked at, for a check record. */
export function framesOf(answer: RawAnswer): number[] {
  return (answer.kind === 'result' || answer.kind === 'error') && answer.frame.frameSeq !== undefined ? [answer.frame.frameSeq] : [];
}
