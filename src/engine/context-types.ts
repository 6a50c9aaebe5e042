/**
 * What a test case sees: the DUT as a peer endpoint, expectations over the journal with deadlines
 * on the monotonic clock, DUT actions through the adapter, the configured values and the PICS.
 */
import type { Clock } from '../clock.js';
import type { JsonObject } from '../protocol/frames.js';
import type { OcppVersion, Role } from '../protocol/versions.js';
import type { CallHandler, CallOutcome, OcppEndpoint } from '../session/endpoint.js';
import type { ConfiguredValues } from './configured-values.js';
import type { DutActionName } from './dut-adapter.js';
import type { JournalEntry } from './journal.js';
import type { ReconnectOptions, ReconnectOutcome } from './link.js';
import type { Pics } from './pics-condition.js';
import type { Pki } from '../protocol/pki.js';
import type { RawFrames, RawSent } from './raw.js';
import type { SecondEndpoint, SecondEndpointIdentity } from './second-endpoint.js';

/** Partial deep match of a payload, or a predicate. */
export type PayloadMatch = JsonObject | ((payload: JsonObject) => boolean);

export interface ExpectCallOptions {
  /** Deadline from now. Default: the configured message timeout. */
  withinMs?: number;
  match?: PayloadMatch;
  /** Human text for the report when `match` is a predicate. */
  describe?: string;
  /** Search from this journal index instead of the case cursor. */
  from?: number;
  /**
   * The window to report, when the caller already waited itself (a helper polling several message
   * kinds then recording the outcome with `withinMs: 0`).
   */
  windowMs?: number;
  /**
   * Strict order is the default: a CALL of this action that does not match, arriving before the
   * matching one, fails. Relax it only by quoting the official clause that allows another order
   * (`'Part 6 TC_B_01_CS step 3: "in any order"'`).
   */
  anyOrder?: string;
  /** The official step (Part 6 / OCTT 1.6 document) this expectation implements, for the trace. */
  step?: number;
}

/** One DUT CALL the harness observed. */
export interface ObservedCall {
  action: string;
  messageId: string;
  payload: JsonObject;
  monoMs: number;
  frameSeq?: number;
  index: number;
}

export interface TimingCheck {
  what: string;
  measuredMs: number;
  /** Allowed window, tolerance included. */
  minMs?: number;
  maxMs?: number;
  toleranceMs: number;
  ok: boolean;
  /**
   * What was measured (issue #24): the frame or connection event the interval starts at and the one
   * it ends at (absent: nothing came, measured up to the deadline), so traces/ alone can recompute it.
   */
  between?: { from: TimingPoint; to?: TimingPoint };
}

/** A point on the wire a timing check measured from or to: a frame by seq, or a connection event. */
export type TimingPoint = { frame: number } | { event: 'open' | 'close' | 'rejected'; connectionId: string };

export interface CheckRecord {
  description: string;
  expected: string;
  actual: string;
  ok: boolean;
  /** Warnings do not fail the case; they land in the compatibility axis. */
  severity: 'error' | 'warning';
  timing?: TimingCheck;
  /** Wire-log sequence numbers of the frames this check looked at. */
  frames: number[];
  /** The check matched none of `frames`: they are the nearest candidates in the case's window (issue #24). */
  candidates?: boolean;
  /** The official step this check implements (traceability, issue #10). */
  step?: number;
}

export interface StepRecord {
  title: string;
  verdict: 'pass' | 'fail' | 'inconclusive' | 'error';
  startedMonoMs: number;
  durationMs: number;
  checks: CheckRecord[];
  /** Set when the step ended the case early. */
  message?: string;
}

export interface ExpectSpec {
  action: string;
  match?: PayloadMatch;
  describe?: string;
}

export interface TestContext {
  readonly id: string;
  readonly version: OcppVersion;
  readonly sut: Role;
  readonly config: ConfiguredValues;
  readonly pics: Pics;
  readonly clock: Clock;
  readonly signal: AbortSignal;
  /** Time tolerance for timing checks (default 4 s). */
  readonly toleranceMs: number;
  /** Certificate operations (make / sign / check CSRs and chains), when the run was given them (src/protocol/pki.ts). */
  readonly pki?: Pki;

  /** Group expectations under a title in the report. */
  step<T>(title: string, fn: () => Promise<T>): Promise<T>;

  /** The DUT's current connection; waits for one (station role: dials) up to the connect timeout. */
  peer(): Promise<OcppEndpoint>;
  /**
   * Station role (SUT = CSMS): drop the connection and dial again once, offering `subprotocols`
   * in that order (default: the run's version). Reports what was agreed; the new connection is
   * the peer only when the run's version was agreed.
   */
  reconnect(options?: ReconnectOptions): Promise<ReconnectOutcome>;
  /**
   * CSMS role (SUT = station): drop the station's connection (OCTT "closes the WebSocket
   * connection"); with `refuse`, also refuse its reconnection attempts (HTTP 503, journalled as
   * `refused`) until `refuseConnections(false)` or the end of the case.
   */
  closeConnection(options?: { refuse?: boolean; reason?: string }): Promise<void>;
  /** CSMS role: refuse (true) or accept again (false) the station's connection attempts. */
  refuseConnections(refuse: boolean): void;
  /**
   * CSMS role: open the harness's second endpoint (Part 6 <Configured connectionData2>, the
   * "alternative internal OCTT endpoint") until the case ends, presenting its own TLS identity
   * (`own`, default) or the primary endpoint's. The station's connections there become the peer.
   */
  openSecondEndpoint(options?: { identity?: SecondEndpointIdentity }): Promise<SecondEndpoint>;
  /** Journal index after the last matched entry: expectations search from here. */
  cursor(): number;
  setCursor(index: number): void;
  /** All journal entries since the case started (in a restore: since the case it follows started). */
  journal(): readonly JournalEntry[];

  /** Send a CALL to the DUT and return what came back (a CALLERROR or a timeout is an outcome). */
  call(action: string, payload: JsonObject, options?: { timeoutMs?: number }): Promise<CallOutcome>;
  /**
   * Send a CALL and require a CALLRESULT, optionally matching its payload; fails the case
   * otherwise. Returns the response payload.
   */
  callExpect(action: string, payload: JsonObject, options?: { match?: PayloadMatch; describe?: string; timeoutMs?: number }): Promise<JsonObject>;
  /** Our answer to the DUT's CALLs of `action` for the rest of this case (defaults come back after it). */
  respond(action: string, handler: CallHandler): void;

  /** Wait for the DUT to send a CALL of `action` (matching), failing the case at the deadline. */
  expectCall(action: string, options?: ExpectCallOptions): Promise<ObservedCall>;
  /** Like expectCall, but a miss returns undefined instead of failing (optional messages). */
  maybeCall(action: string, options?: ExpectCallOptions): Promise<ObservedCall | undefined>;
  /** No CALL of `action` (or none at all) for `forMs`. */
  expectNoCall(action: string | undefined, options: { forMs: number; match?: PayloadMatch; describe?: string; step?: number }): Promise<void>;
  /**
   * All of these CALLs, in any order among themselves, within the deadline; a CALL of one of their
   * actions that matches none of them fails first (strict, unless `anyOrder` quotes the clause).
   */
  expectAll(specs: ExpectSpec[], options?: { withinMs?: number; anyOrder?: string; step?: number }): Promise<ObservedCall[]>;
  /**
   * These CALLs in this order within the deadline: other actions may be interleaved, a
   * non-matching CALL of the awaited action may not (strict, unless `anyOrder` quotes the clause).
   */
  expectSequence(specs: ExpectSpec[], options?: { withinMs?: number; anyOrder?: string; step?: number }): Promise<ObservedCall[]>;
  /** `count` further CALLs of `action`, each `periodMs` ± tolerance after the previous one. */
  expectPeriodic(action: string, options: { periodMs: number; count: number; toleranceMs?: number; after?: ObservedCall; step?: number }): Promise<ObservedCall[]>;
  /** The next CALL of `action` after `after` comes no sooner than `minMs` (minus tolerance) and within `withinMs`. */
  expectGap(action: string, options: { after: { monoMs: number; frameSeq?: number }; minMs: number; withinMs: number; match?: PayloadMatch; anyOrder?: string; step?: number }): Promise<ObservedCall>;
  /** A field-level validation: records expected vs actual; a false condition fails the case (or warns). */
  check(description: string, ok: boolean, detail: { expected: unknown; actual: unknown; frames?: number[]; severity?: 'error' | 'warning'; step?: number; timing?: TimingCheck }): void;

  /** Ask the DUT adapter to perform a manual or triggered action; inconclusive if it cannot. */
  dut(action: DutActionName, params?: Record<string, unknown>): Promise<void>;
  /** Run a reusable state (Part 6 §2.2 / §3.2) by name. */
  state(name: string, params?: Record<string, unknown>): Promise<void>;

  /** Robustness (issue #16): put `text` on the wire as it is; read the answer with `raw.answer`. */
  sendRaw(text: string, options?: { describe?: string }): Promise<RawSent>;
  /** Raw frame expectations: the DUT's answer as on the wire, its close code, a refused upgrade. */
  readonly raw: RawFrames;

  fail(message: string): never;
  inconclusive(message: string): never;
  /** Sleep on the monotonic clock, abortable. */
  sleep(ms: number): Promise<void>;
}
