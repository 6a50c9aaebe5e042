/**
 * What every version of the reference station does the same way: the connection lifecycle
 * (dial, reconnect with back-off per OCPP-J Part 4 §5.3, go offline/online, reboot), the boot
 * registration loop (Accepted / Pending / Rejected, retry after the returned interval, nothing
 * but BootNotification while not Accepted), heartbeats, and the queue of transaction messages
 * (kept while offline, sent in order, retried per MessageAttempts / TransactionMessageAttempts).
 * The version modules (v201.ts, v16.ts) supply the messages and the state machines.
 */
import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../../clock.js';
import { stationBootRetryMs, stationChargingPowerW, stationRebootMs, stationReconnectBackoffMs } from '../../constants.js';
import type { JsonObject } from '../../protocol/frames.js';
import type { OcppVersion } from '../../protocol/versions.js';
import type { CallHandler, CallOutcome, OcppEndpoint } from '../../session/endpoint.js';
import { openEndpoint } from '../../session/open.js';
import { dial } from '../../transport/client.js';
import type { Connection } from '../../transport/connection.js';
import type { ClientTlsOptions } from '../../transport/tls-options.js';
import type { WireLog } from '../../transport/wire-log.js';
import type { ControlResult, SimControl, SimTimers } from '../types.js';
import { AuthStore, type TokenEntry } from './auth.js';
import { resolveStationDefects } from './defects.js';

export type StationVersion = Extract<OcppVersion, '1.6' | '2.0.1'>;

export interface StationTimers extends SimTimers {
  /** BootNotification retry when the CSMS gave no usable interval or did not answer. */
  bootRetryMs: number;
}

export interface StationOptions {
  version: StationVersion;
  /** The CSMS endpoint URL; the station identity is appended (OCPP-J Part 4 §3.1.1). */
  csmsUrl: string;
  stationId?: string;
  /** 2.0.1: connectors per EVSE, e.g. [1, 1] = two EVSEs with one connector each. Default [1]. */
  evses?: readonly number[];
  /** 1.6: number of connectors. Default 1. */
  connectors?: number;
  vendor?: string;
  model?: string;
  serialNumber?: string;
  firmwareVersion?: string;
  /** Security profile 1/2: HTTP Basic auth with username = stationId. */
  basicAuthPassword?: string | Buffer;
  tls?: ClientTlsOptions;
  defects?: readonly string[];
  clock?: Clock;
  timers?: Partial<StationTimers>;
  /** Tokens the station knows before talking to a CSMS (local list, authorization cache). */
  idTokens?: { localList?: readonly TokenEntry[]; localListVersion?: number; cache?: readonly TokenEntry[] };
  /** Initial configuration: 2.0.1 "Component.Variable[.Instance]" → value, 1.6 key → value. */
  settings?: Record<string, string>;
  /** Deadline of our own CALLs; default OCPPCommCtrlr.MessageTimeout (2.0.1) / 30 s. */
  callTimeoutMs?: number;
  chargingPowerW?: number;
  /** Random source for the back-off random range (inject for exact tests). */
  random?: () => number;
  /** Extension point: handlers for CSMS calls the simulator does not (yet) implement itself. */
  handlers?: Record<string, CallHandler>;
  wireLog?: WireLog;
}

export type ConnectionState = 'off' | 'offline' | 'connecting' | 'connected';
export type BootState = 'none' | 'Pending' | 'Accepted' | 'Rejected';

interface QueuedMessage {
  action: string;
  /** Built when sent, so a 1.6 StopTransaction gets the transactionId its StartTransaction got back. */
  build(): JsonObject;
  onResult?(payload: JsonObject): void;
  attempts: number;
  /** Transaction it belongs to (GetTransactionStatus messagesInQueue). */
  txId?: string;
}

const resolved = Promise.resolve();

export abstract class StationCore implements SimControl {
  readonly side = 'cs' as const;
  readonly version: StationVersion;
  abstract readonly actions: readonly string[];

  protected readonly options: StationOptions;
  protected readonly clock: Clock;
  protected readonly defects: ReadonlySet<string>;
  protected readonly timers: StationTimers;
  protected readonly stationId: string;
  protected readonly auth: AuthStore;
  protected readonly powerW: number;

  protected connState: ConnectionState = 'off';
  protected bootState: BootState = 'none';
  protected endpoint: OcppEndpoint | undefined;
  /** Why the next BootNotification is sent (2.0.1 BootReasonEnumType; unused in 1.6). */
  protected bootReason = 'PowerUp';
  protected readonly queue: QueuedMessage[] = [];

  private powerAbort: AbortController | undefined;
  private powerLoop: Promise<void> = resolved;
  private wantOnline = true;
  private onlineWaiters: Array<() => void> = [];
  private bootTrigger: (() => void) | undefined;
  private heartbeatAbort: AbortController | undefined;
  private pumping = false;
  private firstAttempt: (() => void) | undefined;
  private connection: Connection | undefined;
  private everConnected = false;
  private lastConnectedMonoMs: number | undefined;
  /** Endpoints of earlier connections: their findings stay observable. */
  readonly endpoints: OcppEndpoint[] = [];

  constructor(options: StationOptions) {
    this.options = options;
    this.version = options.version;
    this.clock = options.clock ?? systemClock;
    this.defects = resolveStationDefects(options.version, options.defects ?? []);
    this.timers = {
      reconnectBackoffMs: options.timers?.reconnectBackoffMs ?? stationReconnectBackoffMs,
      rebootMs: options.timers?.rebootMs ?? stationRebootMs,
      bootRetryMs: options.timers?.bootRetryMs ?? stationBootRetryMs,
    };
    this.stationId = options.stationId ?? 'CP001';
    this.auth = new AuthStore(options.idTokens ?? {});
    this.powerW = options.chargingPowerW ?? stationChargingPowerW;
  }

  // ---- version module contract ----------------------------------------------------------

  protected abstract bootPayload(): JsonObject;
  /** After BootNotification Accepted: status of every connector etc. */
  protected abstract onBootAccepted(): Promise<void>;
  /** After a reconnection within the same power cycle (no new boot): changed statuses. */
  protected abstract onReconnected(offlineMs: number): Promise<void>;
  protected abstract installHandlers(endpoint: OcppEndpoint): void;
  protected abstract heartbeatIntervalS(): number;
  protected abstract setHeartbeatIntervalS(seconds: number): void;
  /** Total attempts and base interval for transaction messages. */
  protected abstract txRetryPolicy(): { attempts: number; intervalMs: number };
  /** Reconnect back-off: wait minimum (ms), doubling repeat count, random range (ms). */
  protected abstract backoffPolicy(): { minimumMs: number; repeatTimes: number; randomRangeMs: number };
  /** Called before a reboot or power loss: end transactions etc. */
  protected abstract beforePowerDown(kind: 'reset' | 'powerLoss', resetType?: string): void;
  protected abstract messageTimeoutMs(): number;
  protected abstract snapshotState(): JsonObject;
  protected abstract performAction(action: string, params: Record<string, unknown>): Promise<ControlResult>;

  // ---- public API --------------------------------------------------------------------------

  get identity(): string {
    return this.stationId;
  }
  get connectionState(): ConnectionState {
    return this.connState;
  }
  get registration(): BootState {
    return this.bootState;
  }
  /** The endpoint of the live connection, if any (its findings judge our own frames). */
  get currentEndpoint(): OcppEndpoint | undefined {
    return this.endpoint;
  }

  /** Power on: dial and boot. Resolves after the first connection attempt (connected or failed). */
  async start(): Promise<void> {
    if (this.powerAbort) return;
    this.stopped = false;
    const first = new Promise<void>((resolve) => (this.firstAttempt = resolve));
    this.powerOn('PowerUp');
    await first;
  }

  /** Power off for good: close the connection, stop every timer. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wantOnline = true;
    await this.powerOff();
  }

  async perform(action: string, params: Record<string, unknown>): Promise<ControlResult> {
    if (!this.actions.includes(action)) return { done: false, reason: `the ${this.version} station simulator does not implement ${action}` };
    switch (action) {
      case 'powerCycle':
        this.beforePowerDown('powerLoss');
        void this.reboot('PowerUp');
        return { done: true };
      case 'goOffline':
        this.wantOnline = false;
        this.closeConnection('offline');
        return { done: true };
      case 'goOnline':
        this.wantOnline = true;
        for (const w of this.onlineWaiters.splice(0)) w();
        return { done: true };
      default:
        return this.performAction(action, params);
    }
  }

  snapshot(): JsonObject {
    return {
      side: this.side,
      version: this.version,
      stationId: this.stationId,
      connection: this.connState,
      registration: this.bootState,
      heartbeatIntervalS: this.heartbeatIntervalS(),
      queueLength: this.queue.length,
      defects: [...this.defects],
      auth: this.auth.snapshot(),
      ...this.snapshotState(),
    };
  }

  // ---- helpers for the version modules ---------------------------------------------------------

  /** A string parameter of a control action, or the fallback. */
  protected param(params: Record<string, unknown>, name: string, fallback = ''): string {
    const value = params[name];
    return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : fallback;
  }

  protected has(defect: string): boolean {
    return this.defects.has(defect);
  }

  protected nowIso(): string {
    return new Date(this.clock.wallMs()).toISOString();
  }

  protected get online(): boolean {
    return this.endpoint !== undefined && !this.endpoint.closed;
  }
  protected get accepted(): boolean {
    return this.bootState === 'Accepted';
  }

  /**
   * Send a CALL that is not queued: dropped when offline, and while not Accepted unless `anyState`
   * (Part 2 B02.FR.02 / B03.FR.04: nothing but BootNotification before Accepted).
   */
  protected async send(action: string, payload: JsonObject, options: { anyState?: boolean } = {}): Promise<CallOutcome | undefined> {
    const ep = this.endpoint;
    if (!ep || ep.closed) return undefined;
    if (!this.accepted && !options.anyState && !this.has('sends-before-boot-accepted')) return undefined;
    try {
      return await ep.call(action, payload, { timeoutMs: this.messageTimeoutMs() });
    } catch {
      return undefined;
    }
  }

  /** Queue a transaction message: sent in order, kept while offline, retried on failure. */
  protected enqueue(message: Omit<QueuedMessage, 'attempts'>): void {
    this.queue.push({ ...message, attempts: 0 });
    void this.pumpQueue();
  }

  protected hasQueued(txId: string): boolean {
    return this.queue.some((m) => m.txId === txId);
  }

  /** Wait (bounded) until the queue is empty, e.g. before a reboot sends the last Ended event. */
  protected async drainQueue(maxMs: number): Promise<void> {
    const until = this.clock.monoMs() + maxMs;
    while (this.queue.length > 0 && this.online && this.clock.monoMs() < until) await this.sleep(20);
  }

  /** TriggerMessage BootNotification while Pending: retry at once. */
  protected triggerBoot(): boolean {
    if (!this.bootTrigger) return false;
    this.bootTrigger();
    return true;
  }

  protected restartHeartbeat(): void {
    this.heartbeatAbort?.abort();
    this.heartbeatAbort = undefined;
    if (!this.online || !this.accepted) return;
    const seconds = this.heartbeatIntervalS();
    if (seconds <= 0) return;
    const abort = new AbortController();
    this.heartbeatAbort = abort;
    const periodMs = (seconds * 1000) / (this.has('wrong-heartbeat-interval') ? 2 : 1);
    void (async () => {
      while (!abort.signal.aborted) {
        if (!(await this.sleep(periodMs, abort.signal))) return;
        const out = await this.send('Heartbeat', {});
        if (out?.status === 'result') this.onHeartbeatResult(out.payload);
      }
    })();
  }

  protected onHeartbeatResult(_payload: JsonObject): void {}

  /** Reset / power cycle: go down (connection closed), wait rebootMs, boot with `reason`. */
  protected async reboot(reason: string): Promise<void> {
    if (this.rebooting) return;
    this.rebooting = true;
    try {
      await this.powerOff();
      await this.sleep(this.timers.rebootMs);
      if (!this.stopped) this.powerOn(reason);
    } finally {
      this.rebooting = false;
    }
  }
  private rebooting = false;
  private stopped = false;

  /** Resolves true after `ms`, false when aborted. */
  protected async sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
    try {
      await this.clock.sleep(ms, signal);
      return true;
    } catch {
      return false;
    }
  }

  protected newId(): string {
    return randomUUID();
  }

  // ---- lifecycle --------------------------------------------------------------------------

  private powerOn(reason: string): void {
    const abort = new AbortController();
    this.powerAbort = abort;
    this.bootReason = reason;
    this.bootState = 'none';
    this.connState = 'offline';
    this.powerLoop = this.runPower(abort.signal);
  }

  private async powerOff(): Promise<void> {
    const abort = this.powerAbort;
    if (!abort) return;
    this.powerAbort = undefined;
    abort.abort();
    this.heartbeatAbort?.abort();
    this.closeConnection('power off');
    for (const w of this.onlineWaiters.splice(0)) w();
    this.bootTrigger?.();
    await this.powerLoop;
    this.connState = 'off';
    this.bootState = 'none';
    this.onPowerOff();
  }

  /** Version modules stop their own timers here. */
  protected onPowerOff(): void {}

  private closeConnection(reason: string): void {
    const conn = this.connection;
    if (conn) void conn.close(1000, reason).catch(() => undefined);
  }

  private backoffMs(failures: number): number {
    if (this.has('no-reconnect-backoff')) return 50;
    const { minimumMs, repeatTimes, randomRangeMs } = this.backoffPolicy();
    const random = (this.options.random ?? Math.random)();
    return minimumMs * 2 ** Math.min(failures, repeatTimes) + Math.floor(random * randomRangeMs);
  }

  private async runPower(signal: AbortSignal): Promise<void> {
    let failures = 0;
    let lost = false;
    while (!signal.aborted) {
      if (!this.wantOnline) {
        this.connState = 'offline';
        await new Promise<void>((resolve) => this.onlineWaiters.push(resolve));
        failures = 0;
        lost = false;
        continue;
      }
      // Part 4 §5.3: the first reconnection after a loss already waits RetryBackOffWaitMinimum.
      if (lost || failures > 0) {
        if (!(await this.sleep(this.backoffMs(lost ? failures : failures - 1), signal))) break;
        if (!this.wantOnline) continue;
      }
      this.connState = 'connecting';
      let conn: Connection;
      try {
        conn = await dial(this.options.csmsUrl, {
          identity: this.stationId,
          subprotocols: [this.version === '1.6' ? 'ocpp1.6' : 'ocpp2.0.1'],
          ...(this.options.basicAuthPassword === undefined ? {} : { basicAuth: { username: this.stationId, password: this.options.basicAuthPassword } }),
          ...(this.options.tls ? { tls: this.options.tls } : {}),
          ...(this.options.wireLog ? { wireLog: this.options.wireLog } : {}),
        });
      } catch {
        this.connState = 'offline';
        this.firstAttempt?.();
        this.firstAttempt = undefined;
        failures++;
        continue;
      }
      if (signal.aborted) {
        void conn.close(1000, 'power off').catch(() => undefined);
        break;
      }
      failures = 0;
      const how = await this.runSession(conn, signal);
      lost = how === 'lost';
      if (lost && this.has('no-reconnect')) {
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      }
    }
    this.connState = 'offline';
  }

  private async runSession(conn: Connection, powerSignal: AbortSignal): Promise<'lost' | 'local'> {
    this.connection = conn;
    if (this.has('error-code-1.6-spelling')) {
      conn.setInterceptor({ outbound: (text, transmit) => transmit(text.startsWith('[4,') ? text.replace('"FormatViolation"', '"FormationViolation"') : text) });
    }
    const ep = openEndpoint(conn, { role: 'cs', version: this.version, clock: this.clock, callTimeoutMs: this.messageTimeoutMs() });
    this.endpoint = ep;
    this.endpoints.push(ep);
    this.connState = 'connected';
    this.installHandlers(ep);
    // Extension point: the user's handlers win over the built-in ones.
    for (const [action, handler] of Object.entries(this.options.handlers ?? {})) ep.handle(action, handler);
    this.firstAttempt?.();
    this.firstAttempt = undefined;
    const offlineMs = this.lastConnectedMonoMs === undefined ? 0 : this.clock.monoMs() - this.lastConnectedMonoMs;
    const link = new AbortController();
    const reconnect = this.everConnected && this.accepted;
    this.everConnected = true;
    void (reconnect ? this.resume(offlineMs) : this.bootLoop(ep, link.signal));
    const info = await conn.closed;
    link.abort();
    this.heartbeatAbort?.abort();
    this.bootTrigger?.();
    this.lastConnectedMonoMs = this.clock.monoMs();
    if (this.endpoint === ep) this.endpoint = undefined;
    this.connection = undefined;
    this.connState = 'offline';
    return info.initiator === 'local' || powerSignal.aborted || !this.wantOnline ? 'local' : 'lost';
  }

  private async resume(offlineMs: number): Promise<void> {
    await this.onReconnected(offlineMs);
    this.restartHeartbeat();
    void this.pumpQueue();
  }

  private async bootLoop(ep: OcppEndpoint, signal: AbortSignal): Promise<void> {
    while (!signal.aborted && !ep.closed) {
      let payload = this.bootPayload();
      if (this.has('invalid-boot-payload')) payload = breakBootPayload(payload);
      let out: CallOutcome;
      try {
        out = await ep.call('BootNotification', payload, { timeoutMs: this.messageTimeoutMs() });
      } catch {
        return;
      }
      if (out.status === 'closed' || signal.aborted) return;
      let waitMs = this.timers.bootRetryMs;
      if (out.status === 'result') {
        const status = String(out.payload['status']);
        const interval = Number(out.payload['interval'] ?? 0);
        this.bootState = status === 'Accepted' || status === 'Pending' || status === 'Rejected' ? status : 'Rejected';
        if (this.bootState === 'Accepted') {
          if (interval > 0) this.setHeartbeatIntervalS(interval);
          await this.afterAccepted(ep);
          return;
        }
        if (interval > 0) waitMs = interval * 1000;
        if (this.has('sends-before-boot-accepted')) void this.misbehaveWhileNotAccepted();
      }
      // Part 2 B02.FR.01 / B03.FR.03: retry after the interval (or when triggered while Pending).
      if (this.has('ignores-boot-retry-interval')) waitMs = 50;
      const trigger = new Promise<void>((resolve) => (this.bootTrigger = resolve));
      const timer = new AbortController();
      await Promise.race([this.sleep(waitMs, timer.signal), trigger]);
      timer.abort();
      this.bootTrigger = undefined;
    }
  }

  private async misbehaveWhileNotAccepted(): Promise<void> {
    await this.send('Heartbeat', {});
  }

  private async afterAccepted(ep: OcppEndpoint): Promise<void> {
    if (this.has('second-call-in-flight')) {
      // Deliberately bypasses the endpoint's one-call-in-flight queue.
      const first = ep.call('Heartbeat', {}, { timeoutMs: this.messageTimeoutMs() }).catch(() => undefined);
      ep.sendRaw(JSON.stringify([2, this.newId(), 'Heartbeat', {}]));
      await first;
    }
    if (!this.has('no-status-after-boot')) await this.onBootAccepted();
    this.restartHeartbeat();
    void this.pumpQueue();
  }

  private async pumpQueue(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const ep = this.endpoint;
        if (!ep || ep.closed || !this.accepted) return;
        const head = this.queue[0];
        if (!head) return;
        let out: CallOutcome;
        try {
          out = await ep.call(head.action, head.build(), { timeoutMs: this.messageTimeoutMs() });
        } catch {
          return;
        }
        if (out.status === 'closed') return;
        head.attempts++;
        if (out.status === 'result') {
          this.queue.shift();
          head.onResult?.(out.payload);
          continue;
        }
        // Part 2 E13: retry after attempts × MessageAttemptInterval, give up after MessageAttempts.
        const { attempts, intervalMs } = this.txRetryPolicy();
        if (this.has('no-message-retry') || head.attempts >= attempts) {
          this.queue.shift();
          continue;
        }
        await this.sleep(intervalMs * head.attempts);
      }
    } finally {
      this.pumping = false;
    }
  }
}

/** invalid-boot-payload: drop the required model field (schema: required property missing). */
function breakBootPayload(payload: JsonObject): JsonObject {
  const cs = payload['chargingStation'];
  if (cs && typeof cs === 'object') {
    const { model: _model, ...rest } = cs as JsonObject;
    return { ...payload, chargingStation: rest };
  }
  const { chargePointModel: _m, ...rest } = payload;
  return rest;
}
