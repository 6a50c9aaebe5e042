/**
 * The reference CSMS for OCPP 1.6 and 2.0.1: the DUT every `_CSMS` test case is proven against
 * (compliant → the case passes; with a named defect → the case fails) and a standalone CSMS a
 * user can point a station at. It speaks OCPP only through the session layer, so everything it
 * sends is judged by our own validators, and it is driven through `SimControl`.
 */
import { systemClock, type Clock } from '../../clock.js';
import { callTimeoutMs as defaultCallTimeoutMs } from '../../constants.js';
import { HarnessError } from '../../errors.js';
import { isKnownAction, senderOf } from '../../protocol/actions.js';
import type { JsonObject } from '../../protocol/frames.js';
import { subprotocolOf, type OcppVersion } from '../../protocol/versions.js';
import { OcppEndpoint, type CallOutcome, type SessionEvent } from '../../session/endpoint.js';
import { messageCheckFor } from '../../session/open.js';
import { InternalRpcError, NotSupportedError, SecurityRpcError } from '../../session/rpc-error.js';
import type { MessageCheck, SessionConnection } from '../../session/types.js';
import { basicAuthVerifier, OcppServer, type ServerCredentials } from '../../transport/server.js';
import { simulatorWireLogMaxEntries, WireLog } from '../../transport/wire-log.js';
import type { ControlResult, SimControl } from '../types.js';
import { isCsmsDefect } from './defects.js';
import { csmsResponders, type Responder } from './responses.js';
import { defaultBootRetryIntervalS, defaultHeartbeatIntervalS, defaultStationIds, defaultVendorId, type CsmsSimulatorOptions } from './options.js';
import { checkBootPolicy, CsmsState, type BootStatus, type StationRecord } from './state.js';
import { TokenBook } from './tokens.js';
import { buildTriggerCall, csmsTriggerActions, isTriggerAction, type TriggerContext } from './triggers.js';
import { StationMemories } from './station-memory.js';
import { describeOutcome, respellingConnection } from './wire.js';
import { robustnessWire } from '../robustness/wire-quirks.js';

export { defaultBootRetryIntervalS, defaultHeartbeatIntervalS, defaultStationIds, defaultVendorId, type CsmsSimulatorOptions } from './options.js';

/** Control actions beyond the engine's triggers: only the control API and tests use them. */
export const csmsControlActions = ['setBootPolicy', 'disconnectStation', 'setRegistrationPending', 'setRegistrationAccepted'] as const;

interface Link {
  endpoint: OcppEndpoint;
  close(): void;
}

/** The late-session-release quirk: how long a closed session is still held (longer than the demo's 300 ms reboot). */
export const lateSessionReleaseMs = 800;

export class CsmsSimulator implements SimControl {
  readonly side = 'csms' as const;
  readonly version: OcppVersion;
  readonly actions: readonly string[] = [...csmsTriggerActions, ...csmsControlActions];
  readonly state = new CsmsState();
  readonly tokens: TokenBook;

  private readonly options: CsmsSimulatorOptions;
  private readonly defects: ReadonlySet<string>;
  private readonly quirks: ReadonlySet<string>;
  /** When each station's last session closed (monotonic ms), for the late-session-release quirk. */
  private readonly closedAt = new Map<string, number>();
  private readonly clock: Clock;
  private readonly responders: Record<string, Responder>;
  private readonly links = new Map<string, Link>();
  private readonly connectedListeners = new Set<(stationId: string) => void>();
  private bootPolicy: readonly BootStatus[];
  private server: OcppServer | undefined;
  private listeningUrl: string | undefined;
  /** What the blocks learnt of each station's device model from its answers. */
  private readonly learnt: StationMemories;
  /** The station that connected last: the default target of a trigger. */
  private lastStationId: string | undefined;

  constructor(options: CsmsSimulatorOptions) {
    if (options.version !== '1.6' && options.version !== '2.0.1') {
      throw new HarnessError('E_USAGE', `the CSMS simulator speaks OCPP 1.6 and 2.0.1, not ${options.version}`);
    }
    this.version = options.version;
    this.options = options;
    for (const name of options.defects ?? []) {
      if (!isCsmsDefect(name, this.version)) {
        throw new HarnessError('E_USAGE', `"${name}" is not a CSMS defect of OCPP ${this.version}`, { hint: 'ocpp-conform sim defects --side csms' });
      }
    }
    this.defects = new Set(options.defects ?? []);
    this.learnt = new StationMemories(this.version);
    this.quirks = new Set(options.quirks ?? []);
    this.clock = options.clock ?? systemClock;
    this.tokens = new TokenBook(options.tokens);
    this.bootPolicy = checkBootPolicy(options.bootPolicy ?? ['Accepted']);
    const profile = options.securityProfile ?? 0;
    if ((profile === 1 || profile === 2) && options.password === undefined && options.passwords === undefined) {
      throw new HarnessError('E_USAGE', `security profile ${profile} needs a Basic auth password`, { hint: 'pass --password (or options.password / passwords)' });
    }
    const intervals = (): { heartbeatIntervalS: number; retryIntervalS: number } => ({
      heartbeatIntervalS: this.options.heartbeatIntervalS ?? defaultHeartbeatIntervalS,
      retryIntervalS: this.options.retryIntervalS ?? defaultBootRetryIntervalS,
    });
    this.responders = csmsResponders({
      version: this.version,
      state: this.state,
      tokens: this.tokens,
      has: (defect) => this.has(defect),
      hasQuirk: (quirk) => this.quirks.has(quirk),
      bootStatusFor: (station) => this.bootPolicy[Math.min(station.bootCount, this.bootPolicy.length - 1)] ?? 'Accepted',
      ...intervals(),
      acceptedVendorIds: options.acceptedVendorIds ?? [],
      wallMs: () => this.clock.wallMs(),
      ...(options.pki ? { pki: options.pki } : {}),
    });
  }

  has(defect: string): boolean {
    return this.defects.has(defect);
  }

  /** The endpoint URL stations derive their connection URL from (undefined before start). */
  get url(): string | undefined {
    return this.listeningUrl;
  }

  get wireLog(): WireLog | undefined {
    return this.server?.wireLog ?? this.options.wireLog;
  }

  /** Listen for stations. */
  async start(): Promise<{ url: string }> {
    if (this.listeningUrl !== undefined) return { url: this.listeningUrl };
    const profile = this.options.securityProfile ?? 0;
    const server = new OcppServer({
      // IB-01 defect: any offered subprotocol is agreed, and served as this version.
      subprotocols: this.has('accepts-any-subprotocol') ? [subprotocolOf[this.version], 'ocpp1.5', 'ws-chat'] : [subprotocolOf[this.version]],
      ...(this.options.host === undefined ? {} : { host: this.options.host }),
      ...(this.options.port === undefined ? {} : { port: this.options.port }),
      ...(this.options.path === undefined ? {} : { path: this.options.path }),
      ...(this.options.tls === undefined ? {} : { tls: this.options.tls }),
      // Capped (issue #14): 10,000 stations heartbeating grew an uncapped log by 1.2 MB/s.
      wireLog: this.options.wireLog ?? new WireLog({ maxEntries: simulatorWireLogMaxEntries }),
      auth: { securityProfile: profile, ...(profile === 1 || profile === 2 ? { verify: this.verifier() } : {}) },
      acceptIdentity: (identity) => this.knows(identity),
      ...(this.has('keeps-connection-without-subprotocol') ? { noSubprotocol: 'keep' as const } : {}),
    });
    server.onConnection((connection) => {
      const identity = connection.info.identity ?? '';
      // A naive Sec-WebSocket-Protocol parser: only the first offered value counts.
      const first = connection.info.offeredSubprotocols[0];
      if (this.has('subprotocol-first-offered-only') && first !== undefined && first !== subprotocolOf[this.version]) {
        void connection.close(1002, `unsupported subprotocol ${first}`);
        return;
      }
      this.attach(connection, identity);
    });
    const address = await server.start();
    this.server = server;
    this.listeningUrl = address.url;
    return { url: address.url };
  }

  /** Stop listening and close every station connection. */
  async close(): Promise<void> {
    for (const link of this.links.values()) link.close();
    this.links.clear();
    await this.server?.close();
    this.server = undefined;
    this.listeningUrl = undefined;
  }

  /** Called with the station id whenever a station connects. */
  onStationConnected(listener: (stationId: string) => void): () => void {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }

  /** Resolves once `stationId` (or any station) is connected. */
  waitForStation(stationId: string | undefined, timeoutMs: number): Promise<string> {
    const connected = [...this.links.keys()].find((id) => stationId === undefined || id === stationId);
    if (connected !== undefined) return Promise.resolve(connected);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new HarnessError('E_TRANSPORT', `no station${stationId === undefined ? '' : ` ${stationId}`} connected within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.onStationConnected((id) => {
        if (stationId !== undefined && id !== stationId) return;
        clearTimeout(timer);
        off();
        resolve(id);
      });
    });
  }

  /**
   * Serve one station over an already open connection (the server calls this for every accepted
   * socket; an in-process link, e.g. a memory pair in a test, can call it directly).
   */
  attach(connection: SessionConnection, stationId: string): OcppEndpoint {
    const previous = this.links.get(stationId);
    // IB-06 defect: the stale socket wins and the station's new connection is closed.
    if (previous !== undefined && this.has('refuses-second-connection') && !previous.endpoint.closed) {
      connection.close(1008, 'already connected');
      return previous.endpoint;
    }
    if (previous !== undefined) {
      // OCPP-J: one connection per station identity; the newer one wins.
      this.links.delete(stationId);
      previous.close();
    }
    const wire = robustnessWire(this.has('wrong-error-code-spelling') ? respellingConnection(connection, this.version) : connection, { version: this.version, has: (d) => this.has(d) });
    const endpoint = new OcppEndpoint({
      connection: wire,
      version: this.version,
      role: 'csms',
      check: this.messageCheck(),
      senderOf: (action) => senderOf(this.version, action),
      clock: this.clock,
      callTimeoutMs: this.options.callTimeoutMs ?? defaultCallTimeoutMs,
      // Issue #14: a CSMS holding 10,000 stations keeps a small id memory per connection.
      rememberedIds: 32,
      ...(this.options.newMessageId === undefined ? {} : { newMessageId: this.options.newMessageId }),
    });
    const station = this.state.station(stationId);
    station.connected = true;
    station.connectionId = connection.id;
    station.connectedAt = new Date(this.clock.wallMs()).toISOString();
    // Quirk late-session-release (issue #24, seen on a field Central System): a station back
    // within lateSessionReleaseMs of its last session closing finds the old session still held —
    // its BootNotification goes unanswered and the new socket is closed.
    const releasing = this.quirks.has('late-session-release') && this.clock.monoMs() - (this.closedAt.get(stationId) ?? -Infinity) < lateSessionReleaseMs;
    // Issue #14: one router per connection instead of a handler closure per action (10,000 stations).
    endpoint.route((action) => {
      const respond = Object.hasOwn(this.responders, action) ? this.responders[action] : undefined;
      if (respond === undefined) return undefined;
      return (call) => {
        if (releasing && action === 'BootNotification') {
          void connection.close(1000, 'previous session not yet released');
          return new Promise<JsonObject>(() => undefined);
        }
        this.guardRegistration(station, action);
        return respond(station, call.payload, {
          after: (fn) => call.after(() => fn(endpoint)),
          trigger: (trigger, params) => call.after(async () => void (await this.perform(trigger, { ...params, stationId: station.id }))),
        });
      };
    });
    if (this.has('unknown-action-internal-error')) {
      endpoint.handleDefault((call) => {
        if (isKnownAction(this.version, call.action)) throw new NotSupportedError(`${call.action} is not supported`);
        throw new InternalRpcError('unexpected error');
      });
    }
    endpoint.onEvent((event) => this.record(stationId, event));
    const link: Link = { endpoint, close: () => connection.close(1000, 'CSMS closing') };
    this.links.set(stationId, link);
    this.lastStationId = stationId;
    endpoint.onEvent((event) => {
      if (event.type !== 'close' || this.links.get(stationId) !== link) return;
      this.links.delete(stationId);
      station.connected = false;
      this.closedAt.set(stationId, this.clock.monoMs());
      if (this.lastStationId === stationId) this.lastStationId = [...this.links.keys()].at(-1);
    });
    for (const listener of [...this.connectedListeners]) listener(stationId);
    return endpoint;
  }

  // ---- SimControl ---------------------------------------------------------------------------

  async perform(action: string, params: Record<string, unknown>): Promise<ControlResult> {
    if (action === 'setBootPolicy') return this.setBootPolicy(params);
    if (action === 'setRegistrationPending') return this.setBootPolicy({ sequence: ['Pending', 'Accepted'] });
    if (action === 'setRegistrationAccepted') return this.setBootPolicy({ sequence: ['Accepted'] });
    if (action === 'disconnectStation') return this.disconnect(params);
    if (!isTriggerAction(action)) return { done: false, reason: `the CSMS simulator has no action "${action}"; it has ${this.actions.join(', ')}` };
    const target = this.target(params);
    if (!target.ok) return { done: false, reason: target.reason };
    const { stationId, link } = target;
    const built = buildTriggerCall(this.triggerContext(stationId), action, params);
    if (!built.ok) return { done: false, reason: built.reason };
    // The bug this defect models: the operator's request is acknowledged, then lost.
    if (this.has('ignores-trigger')) return { done: true, detail: `${built.action} queued for ${stationId}` };
    this.allowWhilePending(stationId, built.action, built.payload);
    let outcome: CallOutcome | undefined;
    // A request the block split in several CALLs (`then`) goes out one CALL after the other.
    for (const call of [{ action: built.action, payload: built.payload }, ...(built.then ?? [])]) {
      try {
        outcome = await link.endpoint.call(call.action, call.payload);
      } catch (err) {
        return { done: false, reason: `could not send ${call.action} to ${stationId}: ${err instanceof Error ? err.message : String(err)}` };
      }
      if (outcome.status === 'result') this.learnt.learn(stationId, call, outcome.payload);
    }
    if (outcome === undefined) return { done: false, reason: `nothing was sent to ${stationId}` };
    if (built.action === 'ReserveNow') {
      const id = built.payload.id ?? built.payload.reservationId;
      if (typeof id === 'number') this.state.lastReservationId = id;
    }
    return { done: true, detail: `${built.action} sent to ${stationId}; ${describeOutcome(outcome)}` };
  }

  snapshot(): JsonObject {
    return {
      side: this.side,
      version: this.version,
      url: this.listeningUrl ?? null,
      securityProfile: this.options.securityProfile ?? 0,
      acceptAnyStation: this.options.acceptAnyStation ?? false,
      knownStations: [...(this.options.stationIds ?? defaultStationIds)],
      defects: [...this.defects],
      bootPolicy: [...this.bootPolicy],
      heartbeatIntervalS: this.options.heartbeatIntervalS ?? defaultHeartbeatIntervalS,
      retryIntervalS: this.options.retryIntervalS ?? defaultBootRetryIntervalS,
      ...this.state.toJSON(),
    };
  }

  // ---- internals ----------------------------------------------------------------------------

  private knows(identity: string): boolean {
    if (this.options.acceptAnyStation === true || this.has('accepts-unknown-station')) return true;
    const known = this.options.stationIds ?? defaultStationIds;
    // IB-03 defect: identities compared without case.
    if (this.has('case-insensitive-identity') && known.some((k) => k.toLowerCase() === identity.toLowerCase())) return true;
    return known.includes(identity) || (this.options.passwords !== undefined && identity in this.options.passwords);
  }

  private verifier(): (identity: string, credentials: ServerCredentials) => boolean {
    if (this.has('accepts-wrong-password')) return (_identity, credentials) => credentials.basic !== undefined;
    const { password, passwords } = this.options;
    return basicAuthVerifier((identity) => {
      const wanted = passwords?.[identity] ?? password;
      return wanted === undefined ? undefined : { password: wanted };
    });
  }

  /** Our checks, except that a defective CSMS does not act on a broken BootNotification. */
  private messageCheck(): MessageCheck {
    const check = messageCheckFor(this.version);
    if (!this.has('accepts-invalid-boot')) return check;
    return (action, kind, payload, messageId) => {
      const result = check(action, kind, payload, messageId);
      return action === 'BootNotification' && kind === 'request' ? { findings: result.findings, violations: [] } : result;
    };
  }

  /**
   * 2.0.1 B02.FR.09 / B03.FR.07: while Pending or Rejected, a CALL other than BootNotification
   * (and, when Pending, the messages the CSMS itself asked for) is answered with SecurityError.
   * A station we have not seen boot since we started is given the benefit of the doubt: it may
   * have booted before a CSMS restart.
   */
  private guardRegistration(station: StationRecord, action: string): void {
    if (this.version === '1.6' || action === 'BootNotification' || this.has('accepts-calls-while-pending')) return;
    const status = station.bootStatus;
    if (status === undefined || status === 'Accepted') return;
    if (status === 'Pending' && station.pendingAllowed.includes(action)) return;
    throw new SecurityRpcError(`the station is not accepted (registration status ${status})`);
  }

  private allowWhilePending(stationId: string, action: string, payload: JsonObject): void {
    const station = this.state.station(stationId);
    if (station.bootStatus !== 'Pending') return;
    if (action === 'TriggerMessage' && typeof payload.requestedMessage === 'string') station.pendingAllowed.push(payload.requestedMessage);
    if (action === 'GetBaseReport' || action === 'GetReport') station.pendingAllowed.push('NotifyReport');
  }

  private target(params: Record<string, unknown>): { ok: true; stationId: string; link: Link } | { ok: false; reason: string } {
    const wanted = typeof params.stationId === 'string' ? params.stationId : this.lastStationId;
    if (wanted === undefined) return { ok: false, reason: 'no station is connected to the CSMS simulator' };
    const link = this.links.get(wanted);
    if (link === undefined) return { ok: false, reason: `station ${wanted} is not connected to the CSMS simulator` };
    return { ok: true, stationId: wanted, link };
  }

  private triggerContext(stationId: string): TriggerContext {
    return {
      version: this.version,
      has: (defect) => this.has(defect),
      tokens: this.tokens,
      ongoingTransactionId: this.state.ongoingTransaction(stationId)?.transactionId,
      endedTransactionId: this.state.endedTransaction(stationId)?.transactionId,
      lastReservationId: this.state.lastReservationId,
      next: (counter) => this.state.next(counter),
      heartbeatIntervalS: this.options.heartbeatIntervalS ?? defaultHeartbeatIntervalS,
      vendorId: this.options.vendorId ?? defaultVendorId,
      nowWallMs: this.clock.wallMs(),
      known: (key) => this.learnt.known(stationId, key),
    };
  }

  private setBootPolicy(params: Record<string, unknown>): ControlResult {
    const raw = params.sequence ?? params.bootPolicy;
    const list = typeof raw === 'string' ? raw.split(',').map((s) => s.trim()) : raw;
    if (!Array.isArray(list) || list.length === 0) return { done: false, reason: 'setBootPolicy needs sequence, e.g. ["Pending", "Accepted"]' };
    try {
      this.bootPolicy = checkBootPolicy(list as string[]);
    } catch (err) {
      return { done: false, reason: err instanceof Error ? err.message : String(err) };
    }
    // A new policy starts over for every station.
    for (const station of this.state.stations.values()) station.bootCount = 0;
    return { done: true, detail: `boot policy ${this.bootPolicy.join(', ')}` };
  }

  private disconnect(params: Record<string, unknown>): ControlResult {
    const target = this.target(params);
    if (!target.ok) return { done: false, reason: target.reason };
    target.link.close();
    return { done: true, detail: `closed the connection of ${target.stationId}` };
  }

  private record(stationId: string, event: SessionEvent): void {
    if (event.type === 'finding' || event.type === 'close') return;
    this.state.remember({
      at: new Date(this.clock.wallMs()).toISOString(),
      stationId,
      event: event.type,
      messageId: event.messageId,
      ...(event.action === undefined ? {} : { action: event.action }),
      ...('errorCode' in event ? { errorCode: event.errorCode } : {}),
    });
  }
}

export function createCsmsSimulator(options: CsmsSimulatorOptions): CsmsSimulator {
  return new CsmsSimulator(options);
}

