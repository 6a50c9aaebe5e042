/**
 * What every version of the reference station does the same way: the connection lifecycle
 * (dial, reconnect with back-off per OCPP-J Part 4 §5.3, go offline/online, reboot), the boot
 * registration loop (boot.ts), heartbeats, the queue of transaction messages
 * (message-queue.ts), the event bus (bus.ts), and the context every functional-block module is
 * built from (block.ts). The version stations (v201/station.ts, v16/station.ts) add the EVSE /
 * connector model and assemble their block list.
 */
import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../../../clock.js';
import { stationBootRetryMs, stationChargingPowerW, stationRebootMs, stationReconnectBackoffMs } from '../../../constants.js';
import type { JsonObject } from '../../../protocol/frames.js';
import type { CallOutcome, OcppEndpoint } from '../../../session/endpoint.js';
import type { ControlResult, SimControl } from '../../types.js';
import { AuthStore } from '../auth.js';
import { resolveStationDefects } from '../defects.js';
import { parseQuirks } from '../../quirk-registry.js';
import { slowRebootMs } from './quirks.js';
import type { StationContext } from './block.js';
import { bootLoop } from './boot.js';
import { EventBus, type StationEvents } from './bus.js';
import { StationLink, type ConnectionPlanner } from './link.js';
import { MessageQueue, type QueueFilter } from './message-queue.js';
import type { BootState, ConnectionState, StationOptions, StationTimers, StationVersion } from './options.js';

const resolved = Promise.resolve();

export abstract class StationCore implements SimControl {
  readonly side = 'cs' as const;
  readonly version: StationVersion;
  abstract readonly actions: readonly string[];

  protected readonly options: StationOptions;
  protected readonly clock: Clock;
  protected readonly defects: ReadonlySet<string>;
  /** Compliant-but-different behaviours switched on (src/sim/quirk-registry.ts). */
  protected readonly quirks: ReadonlySet<string>;
  protected readonly timers: StationTimers;
  protected readonly stationId: string;
  protected readonly auth: AuthStore;
  protected readonly powerW: number;
  protected readonly bus = new EventBus<StationEvents>();
  /** The shared context the version's block modules are built from. */
  protected readonly context: StationContext;

  protected connState: ConnectionState = 'off';
  protected bootState: BootState = 'none';
  protected endpoint: OcppEndpoint | undefined;
  /** Why the next BootNotification is sent (2.0.1 BootReasonEnumType; unused in 1.6). */
  protected bootReason = 'PowerUp';
  protected readonly queue: MessageQueue;

  private powerAbort: AbortController | undefined;
  private powerLoop: Promise<void> = resolved;
  private readonly link: StationLink;
  /** Blocks' looks at each transaction message before it is queued (StationContext.interceptQueue). */
  private readonly queueFilters: QueueFilter[] = [];
  /** Block B's network profiles, when the version has them (2.0.1 NetworkConfigurationPriority). */
  private connectionPlanner: ConnectionPlanner | undefined;
  private bootTrigger: (() => void) | undefined;
  private heartbeatAbort: AbortController | undefined;
  /** Whether the heartbeat timer ran since the last accepted boot (quirk early-heartbeat). */
  private heartbeatSinceBoot = false;
  private rebooting = false;
  private stopped = false;
  /** Endpoints of earlier connections: their findings stay observable. */
  readonly endpoints: OcppEndpoint[] = [];

  constructor(options: StationOptions) {
    this.options = options;
    this.version = options.version;
    this.clock = options.clock ?? systemClock;
    this.defects = resolveStationDefects(options.version, options.defects ?? []);
    const quirks = parseQuirks(options.quirks ?? [], 'cs', options.version);
    this.quirks = quirks.length === 0 ? StationCore.none : new Set(quirks);
    this.timers = {
      reconnectBackoffMs: options.timers?.reconnectBackoffMs ?? stationReconnectBackoffMs,
      rebootMs: options.timers?.rebootMs ?? stationRebootMs,
      bootRetryMs: options.timers?.bootRetryMs ?? stationBootRetryMs,
    };
    this.stationId = options.stationId ?? 'CP001';
    this.auth = new AuthStore(options.idTokens ?? {});
    this.powerW = options.chargingPowerW ?? stationChargingPowerW;
    this.queue = new MessageQueue({
      endpoint: () => this.endpoint,
      accepted: () => this.accepted,
      messageTimeoutMs: () => this.messageTimeoutMs(),
      retryPolicy: () => this.txRetryPolicy(),
      neverRetry: () => this.has('no-message-retry'),
      resendsAnswered: () => this.has('resends-answered-message'),
      sleep: (ms) => this.sleep(ms),
    });
    this.link = new StationLink({
      options,
      version: this.version,
      stationId: this.stationId,
      clock: this.clock,
      has: (defect) => this.has(defect),
      sleep: (ms, signal) => this.sleep(ms, signal),
      backoffPolicy: () => this.backoffPolicy(),
      messageTimeoutMs: () => this.messageTimeoutMs(),
      accepted: () => this.accepted,
      setState: (state) => (this.connState = state),
      opened: (ep, reconnect, offlineMs, linkSignal) => this.opened(ep, reconnect, offlineMs, linkSignal),
      planner: () => this.connectionPlanner,
      closed: (ep) => {
        this.heartbeatAbort?.abort();
        this.bootTrigger?.();
        if (this.endpoint === ep) this.endpoint = undefined;
      },
    });
    this.context = this.createContext();
  }

  // ---- version station contract ----------------------------------------------------------

  protected abstract bootPayload(): JsonObject;
  /** After BootNotification Accepted, before the blocks hear `bootAccepted`: status of every connector. */
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
  protected abstract messageTimeoutMs(): number;
  protected abstract snapshotState(): JsonObject;
  protected abstract performAction(action: string, params: Record<string, unknown>): Promise<ControlResult>;

  // ---- public API --------------------------------------------------------------------------

  get identity(): string { return this.stationId; }
  get connectionState(): ConnectionState { return this.connState; }
  get registration(): BootState { return this.bootState; }
  /** The endpoint of the live connection, if any (its findings judge our own frames). */
  get currentEndpoint(): OcppEndpoint | undefined { return this.endpoint; }

  /** Power on: dial and boot. Resolves after the first connection attempt (connected or failed). */
  async start(): Promise<void> {
    if (this.powerAbort) return;
    this.stopped = false;
    const first = this.link.nextAttempt();
    this.powerOn('PowerUp');
    await first;
  }

  /** Power off for good: close the connection, stop every timer. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.link.resetWish();
    await this.powerOff();
  }

  async perform(action: string, params: Record<string, unknown>): Promise<ControlResult> {
    if (!this.actions.includes(action)) return { done: false, reason: `the ${this.version} station simulator does not implement ${action}` };
    if (action === 'powerCycle') {
      // Blocks with back-up power finish their business first (bus powerFailing), then the power goes.
      void this.bus.emitSerial('powerFailing', undefined).then(() => {
        this.bus.emit('powerDown', { kind: 'powerLoss' });
        return this.reboot('PowerUp');
      });
    } else if (action === 'goOffline') this.link.goOffline();
    else if (action === 'goOnline') this.link.goOnline();
    else return this.performAction(action, params);
    return { done: true };
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
      quirks: [...this.quirks],
      auth: this.auth.snapshot(),
      ...this.snapshotState(),
    };
  }

  // ---- shared helpers ------------------------------------------------------------------------

  /** One empty quirk set for every station without quirks (issue #14: fleet memory). */
  private static readonly none: ReadonlySet<string> = new Set();
  /** The control actions of the core itself. */
  protected static readonly coreActions: readonly string[] = ['powerCycle', 'goOffline', 'goOnline'];

  /** A defect or a quirk is on (their names never collide: test/sim/quirks.test.ts). */
  protected has(defect: string): boolean {
    return this.defects.has(defect) || this.quirks.has(defect);
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

  /** Wait (bounded) until the queue is empty, e.g. before a reboot sends the last Ended event. */
  protected async drainQueue(maxMs: number): Promise<void> {
    const until = this.clock.monoMs() + maxMs;
    while (this.queue.length > 0 && this.online && this.clock.monoMs() < until) await this.sleep(20);
  }

  protected restartHeartbeat(): void {
    this.heartbeatAbort?.abort();
    this.heartbeatAbort = undefined;
    if (!this.online || !this.accepted) return;
    const seconds = this.heartbeatIntervalS();
    const flood = seconds <= 0 && this.has('heartbeat-interval-zero-flood');
    if (seconds <= 0 && !flood) return;
    const abort = new AbortController();
    this.heartbeatAbort = abort;
    const periodMs = flood ? 50 : (seconds * 1000) / (this.has('wrong-heartbeat-interval') ? 2 : 1);
    // Quirk early-heartbeat: the first one at once (the interval bounds the gap, OCPP 1.6 §4.6).
    let firstMs = this.has('early-heartbeat') && !this.heartbeatSinceBoot ? 100 : periodMs;
    this.heartbeatSinceBoot = true;
    void (async () => {
      while (!abort.signal.aborted) {
        if (!(await this.sleep(firstMs, abort.signal))) return;
        firstMs = periodMs;
        await this.send('Heartbeat', {});
      }
    })();
  }

  /** Reset / power cycle: go down (connection closed), wait rebootMs, boot with `reason`. */
  protected async reboot(reason: string): Promise<void> {
    if (this.rebooting) return;
    this.rebooting = true;
    try {
      await this.powerOff();
      await this.sleep(this.has('slow-reboot') ? Math.max(slowRebootMs, this.timers.rebootMs) : this.timers.rebootMs);
      if (!this.stopped) this.powerOn(reason);
    } finally {
      this.rebooting = false;
    }
  }

  /** Resolves true after `ms`, false when aborted. */
  protected async sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
    try {
      await this.clock.sleep(ms, signal);
      return true;
    } catch {
      return false;
    }
  }

  private createContext(): StationContext {
    return new StationCore.Context(this);
  }

  /**
   * The context every block is built from, as one class (issue #14): its getters and methods live
   * on the prototype, shared by every station. As an object literal with getters and arrow
   * functions it cost each station about twenty closures and hidden classes of its own (V8 keeps
   * accessors in an object's hidden class). Defined inside StationCore so it may call the
   * core's protected members.
   */
  private static readonly Context = class implements StationContext {
    constructor(private readonly core: StationCore) {}

    get version(): StationVersion { return this.core.version; }
    get stationId(): string { return this.core.stationId; }
    get options(): StationOptions { return this.core.options; }
    get clock(): Clock { return this.core.clock; }
    get timers(): StationTimers { return this.core.timers; }
    get auth(): AuthStore { return this.core.auth; }
    get bus(): EventBus<StationEvents> { return this.core.bus; }
    get online(): boolean { return this.core.online; }
    get accepted(): boolean { return this.core.accepted; }
    get queueLength(): number { return this.core.queue.length; }
    get bootReason(): string { return this.core.bootReason; }
    has(defect: string): boolean { return this.core.has(defect); }
    nowIso(): string { return this.core.nowIso(); }
    newId(): string { return randomUUID(); }
    sleep(ms: number, signal?: AbortSignal): Promise<boolean> { return this.core.sleep(ms, signal); }
    send(action: string, payload: JsonObject, options?: { anyState?: boolean }): Promise<CallOutcome | undefined> { return this.core.send(action, payload, options); }
    enqueue(message: Parameters<StationContext['enqueue']>[0]): void {
      let m: typeof message | undefined = message;
      for (const filter of this.core.queueFilters) if (m) m = filter(m);
      if (m) this.core.queue.push(m);
    }
    hasQueued(txId: string): boolean { return this.core.queue.hasTx(txId); }
    interceptQueue(filter: QueueFilter): void { this.core.queueFilters.push(filter); }
    drainQueue(maxMs: number): Promise<void> { return this.core.drainQueue(maxMs); }
    triggerBoot(): boolean {
      if (!this.core.bootTrigger) return false;
      this.core.bootTrigger();
      return true;
    }
    setBootReason(reason: string): void { this.core.bootReason = reason; }
    bootPayload(): JsonObject { return this.core.bootPayload(); }
    powerDown(kind: 'reset' | 'powerLoss', resetType?: string): void { this.core.bus.emit('powerDown', { kind, ...(resetType === undefined ? {} : { resetType }) }); }
    reboot(reason: string): Promise<void> { return this.core.reboot(reason); }
    restartHeartbeat(): void { this.core.restartHeartbeat(); }
    useConnectionPlanner(planner: ConnectionPlanner): void { this.core.connectionPlanner = planner; }
  };

  // ---- lifecycle --------------------------------------------------------------------------

  private powerOn(reason: string): void {
    const abort = new AbortController();
    this.powerAbort = abort;
    this.bootReason = reason;
    this.bootState = 'none';
    this.connState = 'offline';
    this.powerLoop = this.link.run(abort.signal);
  }

  private async powerOff(): Promise<void> {
    const abort = this.powerAbort;
    if (!abort) return;
    this.powerAbort = undefined;
    abort.abort();
    this.heartbeatAbort?.abort();
    this.link.close('power off');
    this.link.wake();
    this.bootTrigger?.();
    await this.powerLoop;
    this.connState = 'off';
    this.bootState = 'none';
    this.bus.emit('powerOff', undefined);
  }

  private opened(ep: OcppEndpoint, reconnect: boolean, offlineMs: number, linkSignal: AbortSignal): void {
    this.endpoint = ep;
    this.endpoints.push(ep);
    this.connState = 'connected';
    this.installHandlers(ep);
    // Extension point: the user's handlers win over the built-in ones.
    for (const [action, handler] of Object.entries(this.options.handlers ?? {})) ep.handle(action, handler);
    void (reconnect ? this.resume(offlineMs) : this.boot(ep, linkSignal));
  }

  private async resume(offlineMs: number): Promise<void> {
    await this.onReconnected(offlineMs);
    this.restartHeartbeat();
    void this.queue.pump();
  }

  private boot(ep: OcppEndpoint, signal: AbortSignal): Promise<void> {
    return bootLoop(
      {
        payload: () => this.bootPayload(),
        has: (defect) => this.has(defect),
        messageTimeoutMs: () => this.messageTimeoutMs(),
        bootRetryMs: () => this.timers.bootRetryMs,
        setRegistration: (state) => (this.bootState = state),
        accepted: async (acceptedEp, intervalS) => {
          if (intervalS > 0) this.setHeartbeatIntervalS(intervalS);
          // IB-23 defect: an interval of 0 taken literally (a heartbeat every 50 ms).
          else if (this.has('heartbeat-interval-zero-flood')) this.setHeartbeatIntervalS(0);
          await this.afterAccepted(acceptedEp);
        },
        misbehaveWhileNotAccepted: async () => {
          if (!this.has('sends-session-while-rejected')) return void (await this.send('Heartbeat', {}));
          // Part 6 TC_B_03_CS: "not allowed to send any OCPP message in the meantime".
          const timestamp = this.nowIso();
          await this.send('StatusNotification', { timestamp, connectorStatus: 'Available', evseId: 1, connectorId: 1 }, { anyState: true });
          await this.send('Authorize', { idToken: { idToken: 'WHILE-REJECTED', type: 'ISO14443' } }, { anyState: true });
          await this.send('TransactionEvent', { eventType: 'Started', timestamp, triggerReason: 'Authorized', seqNo: 0, transactionInfo: { transactionId: 'while-rejected' } }, { anyState: true });
        },
        sleep: (ms, sig) => this.sleep(ms, sig),
        setTrigger: (trigger) => (this.bootTrigger = trigger),
      },
      ep,
      signal,
    );
  }

  private async afterAccepted(ep: OcppEndpoint): Promise<void> {
    if (this.has('second-call-in-flight')) {
      // Deliberately bypasses the endpoint's one-call-in-flight queue.
      const first = ep.call('Heartbeat', {}, { timeoutMs: this.messageTimeoutMs() }).catch(() => undefined);
      ep.sendRaw(JSON.stringify([2, randomUUID(), 'Heartbeat', {}]));
      await first;
    }
    this.heartbeatSinceBoot = false;
    if (!this.has('no-status-after-boot')) {
      await this.onBootAccepted();
      await this.bus.emitSerial('bootAccepted', undefined);
    }
    this.restartHeartbeat();
    void this.queue.pump();
  }
}
