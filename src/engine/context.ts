/**
 * The step context of one test case run: expectations over the journal with monotonic deadlines,
 * each recorded in the current step with expected vs actual, measured timing vs allowed, and the
 * frames it looked at.
 */
import type { Clock } from '../clock.js';
import type { JsonObject } from '../protocol/frames.js';
import type { OcppVersion, Role } from '../protocol/versions.js';
import type { CallHandler, CallOutcome, OcppEndpoint } from '../session/endpoint.js';
import type { ConfiguredValues } from './configured-values.js';
import type {
  CheckRecord,
  ExpectCallOptions,
  ExpectSpec,
  ObservedCall,
  PayloadMatch,
  StepRecord,
  TestContext,
  TimingCheck,
} from './context-types.js';
import { expectGap, expectPeriodic } from './expect-timing.js';
import { Expectations, type ExpectHost } from './expect.js';
import { withEvidence } from './evidence.js';
import { fmtMs } from './format-ms.js';
import { instructionFor, type DutActionName, type DutAdapter } from './dut-adapter.js';
import type { JournalEntry } from './journal.js';
import type { DutLink, ReconnectOptions, ReconnectOutcome } from './link.js';
import { brief, describeMatch, matches } from './match.js';
import type { Pics } from './pics-condition.js';
import { RawFrames, type RawSent } from './raw.js';
import type { SecondEndpoint, SecondEndpointIdentity } from './second-endpoint.js';
import type { StateRegistry } from './states.js';
import type { Pki } from '../protocol/pki.js';
import { isVerdictSignal, VerdictSignal } from './verdict.js';

export interface CaseContextOptions {
  id: string;
  version: OcppVersion;
  sut: Role;
  link: DutLink;
  adapter: DutAdapter;
  config: ConfiguredValues;
  pics: Pics;
  clock: Clock;
  signal: AbortSignal;
  states: StateRegistry;
  pki?: Pki;
  onStepEnd?: (step: StepRecord) => void;
  /** Told whenever the case starts waiting on the DUT (a message, a quiet period, an action, a connection), for live progress. */
  onWait?: (wait: WaitInfo) => void;
  /** Where `journal()` starts (default: where this context starts); a restore sees its case's frames. */
  journalFrom?: number;
}

/** What a case is waiting for right now, and until when (monotonic ms; undefined: no deadline of its own). */
export interface WaitInfo {
  what: string;
  sinceMono: number;
  untilMono?: number;
}

export class CaseContext implements TestContext {
  readonly id: string;
  readonly version: OcppVersion;
  readonly sut: Role;
  readonly config: ConfiguredValues;
  readonly pics: Pics;
  readonly clock: Clock;
  readonly signal: AbortSignal;
  readonly toleranceMs: number;
  readonly pki?: Pki;
  readonly steps: StepRecord[] = [];
  /** Journal index at which the case started. */
  readonly startIndex: number;

  private readonly link: DutLink;
  private readonly adapter: DutAdapter;
  private readonly states: StateRegistry;
  private readonly onStepEnd: ((step: StepRecord) => void) | undefined;
  private readonly onWait: ((wait: WaitInfo) => void) | undefined;
  private currentStep: StepRecord | undefined;
  private cursorIndex: number;
  private readonly journalFrom: number;
  readonly raw: RawFrames;
  private readonly expectHost: ExpectHost;
  private readonly expectations: Expectations;

  constructor(options: CaseContextOptions) {
    this.id = options.id;
    this.version = options.version;
    this.sut = options.sut;
    this.link = options.link;
    this.adapter = options.adapter;
    this.config = options.config;
    this.pics = options.pics;
    this.clock = options.clock;
    this.signal = options.signal;
    this.states = options.states;
    if (options.pki) this.pki = options.pki;
    this.onStepEnd = options.onStepEnd;
    this.onWait = options.onWait;
    this.toleranceMs = options.config.toleranceMs;
    this.startIndex = options.link.journal.length;
    this.cursorIndex = this.startIndex;
    this.journalFrom = Math.min(options.journalFrom ?? this.startIndex, this.startIndex);
    this.expectHost = {
      journal: options.link.journal,
      clock: this.clock,
      signal: this.signal,
      config: this.config,
      startIndex: this.startIndex,
      cursor: () => this.cursorIndex,
      setCursor: (index) => (this.cursorIndex = index),
      record: (check) => this.record(check),
      onWait: (wait) => this.onWait?.(wait),
    };
    this.expectations = new Expectations(this.expectHost);
    this.raw = new RawFrames({ peer: () => this.peer(), record: (c) => this.record(c), clock: this.clock, signal: this.signal, journal: this.link.journal, messageTimeoutMs: this.config.messageTimeoutMs, csmsUrl: () => (this.sut === 'csms' ? this.link.describeDut()['csmsUrl'] : undefined) });
  }

  sendRaw(text: string, options?: { describe?: string }): Promise<RawSent> {
    return this.raw.send(text, options);
  }

  // ---- steps and records ------------------------------------------------------------------

  async step<T>(title: string, fn: () => Promise<T>): Promise<T> {
    const outer = this.currentStep;
    const record: StepRecord = { title: outer ? `${outer.title} › ${title}` : title, verdict: 'pass', startedMonoMs: this.clock.monoMs(), durationMs: 0, checks: [] };
    this.steps.push(record);
    this.currentStep = record;
    try {
      return await fn();
    } catch (err) {
      if (isVerdictSignal(err)) {
        record.verdict = err.verdict === 'notApplicable' ? 'inconclusive' : err.verdict;
        record.message = err.message;
      } else {
        record.verdict = 'error';
        record.message = err instanceof Error ? err.message : String(err);
      }
      throw err;
    } finally {
      record.durationMs = this.clock.monoMs() - record.startedMonoMs;
      this.currentStep = outer;
      this.onStepEnd?.(record);
    }
  }

  private stepFor(description: string): StepRecord {
    if (this.currentStep) return this.currentStep;
    const record: StepRecord = { title: description, verdict: 'pass', startedMonoMs: this.clock.monoMs(), durationMs: 0, checks: [] };
    this.steps.push(record);
    return record;
  }

  private record(reported: CheckRecord): void {
    const check = withEvidence(reported, this.link.journal, this.journalFrom);
    const step = this.stepFor(check.description);
    step.checks.push(check);
    if (!check.ok && check.severity === 'error') {
      const message = `${check.description}: expected ${check.expected}; actual ${check.actual}`;
      if (step !== this.currentStep) {
        step.verdict = 'fail';
        step.message = message;
        this.onStepEnd?.(step);
      }
      throw new VerdictSignal('fail', message);
    }
  }

  check(description: string, ok: boolean, detail: { expected: unknown; actual: unknown; frames?: number[]; severity?: 'error' | 'warning'; step?: number; timing?: TimingCheck }): void {
    this.record({
      ...(detail.step === undefined ? {} : { step: detail.step }),
      ...(detail.timing === undefined ? {} : { timing: detail.timing }),
      description,
      expected: typeof detail.expected === 'string' ? detail.expected : brief(detail.expected),
      actual: typeof detail.actual === 'string' ? detail.actual : brief(detail.actual),
      ok,
      severity: detail.severity ?? 'error',
      frames: detail.frames ?? [],
    });
  }

  fail(message: string): never {
    throw new VerdictSignal('fail', message);
  }

  inconclusive(message: string): never {
    throw new VerdictSignal('inconclusive', message);
  }

  sleep(ms: number): Promise<void> {
    return this.clock.sleep(ms, this.signal);
  }

  // ---- the link ---------------------------------------------------------------------------

  cursor(): number {
    return this.cursorIndex;
  }

  setCursor(index: number): void {
    this.cursorIndex = index;
  }

  journal(): readonly JournalEntry[] {
    return this.link.journal.entries(this.journalFrom);
  }

  async peer(): Promise<OcppEndpoint> {
    const open = this.link.current();
    if (open && !open.closed) return open;
    const waitFrom = this.clock.monoMs();
    const who = this.sut === 'cs' ? `station ${this.config.stationId} to connect` : 'the connection to the CSMS';
    this.onWait?.({ what: who, sinceMono: waitFrom, untilMono: waitFrom + this.config.connectTimeoutMs });
    const endpoint = await this.link.ensureConnected(waitFrom + this.config.connectTimeoutMs, this.signal);
    if (!endpoint) {
      const fatal = this.link.fatalConnectError;
      const why = fatal ?? this.link.lastConnectError;
      const waited = fatal === undefined ? `waited ${Math.round(this.config.connectTimeoutMs / 1000)} s` : `after ${fmtMs(this.clock.monoMs() - waitFrom)}`;
      this.inconclusive(`the DUT is not connected (${waited})${why ? `: ${why}` : ''}`);
    }
    // Time spent waiting for the DUT to (re)connect is part of the case's duration: say so.
    this.stepFor('Wait for the DUT to connect').checks.push({
      description: 'DUT connected',
      expected: `a connection within ${fmtMs(this.config.connectTimeoutMs)}`,
      actual: `connected after ${fmtMs(this.clock.monoMs() - waitFrom)}`,
      ok: true,
      severity: 'warning',
      frames: [],
    });
    return endpoint;
  }

  async reconnect(options: ReconnectOptions = {}): Promise<ReconnectOutcome> {
    if (!this.link.reconnect) throw new Error('reconnect() is for the station role (SUT = CSMS): the harness-as-CSMS cannot dial the station');
    const outcome = await this.link.reconnect(options, this.clock.monoMs() + this.config.connectTimeoutMs, this.signal);
    this.throwIfAborted();
    this.stepFor('Reconnect').checks.push({
      description: `Reconnect offering ${(options.subprotocols ?? ['the run version']).join(', ')}`,
      expected: 'a WebSocket handshake',
      actual: outcome.connected ? `connected, subprotocol ${outcome.subprotocol ?? 'none'}` : `not connected: ${outcome.reason}`,
      ok: true,
      severity: 'warning',
      frames: [],
    });
    return outcome;
  }

  async closeConnection(options: { refuse?: boolean; reason?: string } = {}): Promise<void> {
    if (options.refuse) this.refuseConnections(true);
    await this.link.disconnect(1000, options.reason ?? 'closed by the harness (test case step)');
  }

  refuseConnections(refuse: boolean): void {
    if (!this.link.refuseConnections) throw new Error('refuseConnections() is for the CSMS role (SUT = station)');
    this.link.refuseConnections(refuse);
  }

  async openSecondEndpoint(options: { identity?: SecondEndpointIdentity } = {}): Promise<SecondEndpoint> {
    if (!this.link.openSecondEndpoint) throw new Error('openSecondEndpoint() is for the CSMS role (SUT = station)');
    try {
      return await this.link.openSecondEndpoint(options.identity ?? 'own');
    } catch (err) {
      // A second endpoint that cannot listen (address in use, bad certificate) is the setup's doing, not the station's.
      this.inconclusive(`the second endpoint (networkProfiles.connectionData2) could not be opened: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async call(action: string, payload: JsonObject, options: { timeoutMs?: number } = {}): Promise<CallOutcome> {
    const endpoint = await this.peer();
    const outcome = await endpoint.call(action, payload, { timeoutMs: options.timeoutMs ?? this.config.messageTimeoutMs, signal: this.signal });
    const frames = this.framesOf(outcome.messageId);
    this.stepFor(`Send ${action}`).checks.push({
      description: `Send ${action}`,
      expected: 'a response',
      actual: describeOutcome(outcome),
      ok: outcome.status === 'result' || outcome.status === 'error',
      severity: 'warning',
      frames,
    });
    return outcome;
  }

  async callExpect(action: string, payload: JsonObject, options: { match?: PayloadMatch; describe?: string; timeoutMs?: number } = {}): Promise<JsonObject> {
    const endpoint = await this.peer();
    const outcome = await endpoint.call(action, payload, { timeoutMs: options.timeoutMs ?? this.config.messageTimeoutMs, signal: this.signal });
    const frames = this.framesOf(outcome.messageId);
    const ok = outcome.status === 'result' && matches(outcome.payload, options.match);
    this.record({
      description: `${action} answered`,
      expected: `a ${action} response with ${describeMatch(options.match, options.describe)}`,
      actual: describeOutcome(outcome),
      ok,
      severity: 'error',
      frames,
    });
    return outcome.status === 'result' ? outcome.payload : {};
  }

  respond(action: string, handler: CallHandler): void {
    this.link.responders.override(action, handler);
  }

  private framesOf(messageId: string): number[] {
    const frames: number[] = [];
    for (const e of this.link.journal.entries(this.startIndex)) {
      if ('messageId' in e && e.messageId === messageId && e.frameSeq !== undefined) frames.push(e.frameSeq);
    }
    return frames;
  }

  // ---- expectations (src/engine/expect.ts, expect-timing.ts) ------------------------------

  expectCall(action: string, options: ExpectCallOptions = {}): Promise<ObservedCall> {
    return this.expectations.expectCall(action, options);
  }

  maybeCall(action: string, options: ExpectCallOptions = {}): Promise<ObservedCall | undefined> {
    return this.expectations.maybeCall(action, options);
  }

  expectNoCall(action: string | undefined, options: { forMs: number; match?: PayloadMatch; describe?: string; step?: number }): Promise<void> {
    return this.expectations.expectNoCall(action, options);
  }

  expectAll(specs: ExpectSpec[], options: { withinMs?: number; anyOrder?: string; step?: number } = {}): Promise<ObservedCall[]> {
    return this.expectations.expectAll(specs, options);
  }

  expectSequence(specs: ExpectSpec[], options: { withinMs?: number; anyOrder?: string; step?: number } = {}): Promise<ObservedCall[]> {
    return this.expectations.expectSequence(specs, options);
  }

  expectPeriodic(action: string, options: { periodMs: number; count: number; toleranceMs?: number; after?: ObservedCall; step?: number }): Promise<ObservedCall[]> {
    return expectPeriodic(this.expectHost, this.expectations, action, options);
  }

  expectGap(action: string, options: { after: { monoMs: number; frameSeq?: number }; minMs: number; withinMs: number; match?: PayloadMatch; anyOrder?: string; step?: number }): Promise<ObservedCall> {
    return expectGap(this.expectHost, this.expectations, action, options);
  }

  private throwIfAborted(): void {
    this.expectations.throwIfAborted();
  }

  // ---- DUT actions and states -------------------------------------------------------------

  async dut(action: DutActionName, params: Record<string, unknown> = {}): Promise<void> {
    const instruction = instructionFor(action, params);
    // An adapter that says it cannot do this at all (a DUT map's `unsupported`): not applicable, at once.
    if (this.adapter.supports?.(action) === false) throw new VerdictSignal('notApplicable', `the DUT cannot: ${instruction} — ${this.adapter.reasonUnsupported?.(action) ?? 'the adapter does not support it'}`);
    this.onWait?.({ what: `the DUT adapter (${this.adapter.kind}): ${instruction}`, sinceMono: this.clock.monoMs() });
    const result = await this.adapter.perform(
      { action, params, instruction, testCaseId: this.id, stationId: this.config.stationId, version: this.version },
      this.signal,
    );
    this.throwIfAborted();
    const check: CheckRecord = {
      description: `DUT action: ${instruction}`,
      expected: `${this.adapter.kind} adapter performs it`,
      actual: result.done ? `done${result.by ? ` (confirmed by ${result.by})` : ''}${result.detail ? `: ${result.detail}` : ''}` : `not done: ${result.reason}`,
      ok: result.done,
      severity: 'warning',
      frames: [],
    };
    this.stepFor(check.description).checks.push(check);
    if (!result.done) this.inconclusive(`could not get the DUT to act: ${instruction} — ${result.reason}`);
  }

  async state(name: string, params: Record<string, unknown> = {}): Promise<void> {
    const state = this.states.get(this.version, this.sut, name);
    if (!state) throw new Error(`reusable state ${name} is not defined for OCPP ${this.version} SUT=${this.sut}`);
    await this.step(`Reusable state ${name}`, () => state(this, params));
  }
}

function describeOutcome(outcome: CallOutcome): string {
  switch (outcome.status) {
    case 'result':
      return `CALLRESULT ${brief(outcome.payload)}`;
    case 'error':
      return `CALLERROR ${outcome.errorCode} "${outcome.errorDescription}"`;
    case 'timeout':
      return `no response within ${fmtMs(outcome.waitedMs)}`;
    case 'closed':
      return 'the connection closed before a response';
  }
}

export { fmtMs } from './format-ms.js';
