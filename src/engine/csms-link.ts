/**
 * The link when the harness plays the CSMS (SUT = charging station): our server accepts the
 * station at /<path>/<identity>, every connection of the configured identity becomes the current
 * endpoint (a reconnect after a reset replaces the old one), attached to the journal and
 * answering with the responders.
 */
import type { Clock } from '../clock.js';
import { subprotocolOf, type OcppVersion } from '../protocol/versions.js';
import type { SchemaSet } from '../protocol/schemas.js';
import type { OcppEndpoint } from '../session/endpoint.js';
import { openEndpoint } from '../session/open.js';
import type { Connection } from '../transport/connection.js';
import type { OcppServer, ServerRejection } from '../transport/server.js';
import type { Journal } from './journal.js';
import type { DutLink } from './link.js';
import type { Responders } from './responders.js';
import { SecondEndpointState, type SecondEndpoint, type SecondEndpointIdentity, type SecondServerOpener } from './second-endpoint.js';

export interface CsmsLinkOptions {
  server: OcppServer;
  version: OcppVersion;
  /** Only this station identity is the DUT; others are refused with a close. */
  stationId: string;
  journal: Journal;
  responders: Responders;
  clock: Clock;
  callTimeoutMs: number;
  /** Schemas to judge frames with (default: the built-in official ones). */
  schemas?: SchemaSet;
  /** Builds the second endpoint (connectionData2) a case may open (src/engine/second-endpoint.ts). */
  openSecondServer?: SecondServerOpener;
}

export class CsmsLink implements DutLink {
  readonly role = 'csms' as const;
  readonly journal: Journal;
  readonly responders: Responders;
  private endpoint: OcppEndpoint | undefined;
  private readonly waiters = new Set<(endpoint: OcppEndpoint) => void>();
  private readonly unsubscribe: () => void;
  private boot: Record<string, string> = {};
  private refusing = false;
  private readonly unsubscribeRejected: () => void;
  private second: { state: SecondEndpointState; detach: () => void } | undefined;
  private peerConnectionId: string | undefined;

  constructor(private readonly options: CsmsLinkOptions) {
    this.journal = options.journal;
    this.responders = options.responders;
    this.unsubscribe = options.server.onConnection((conn) => this.accept(conn));
    this.unsubscribeRejected = options.server.onRejected((r) => {
      if (r.identity === options.stationId) this.journal.add({ kind: 'refused', connectionId: r.connectionId, monoMs: options.clock.monoMs(), status: r.status, reason: r.reason });
      // A refusal a case asked for is no diagnosis; anything else says why the DUT is not here.
      if (!(this.refusing && r.identity === options.stationId)) this.lastRefusal = describeRefusal(r, options.stationId);
    });
  }

  /** Why the last upgrade was refused (HTTP status, path, identity, TLS), for "the DUT is not connected". */
  private lastRefusal: string | undefined;

  get lastConnectError(): string | undefined {
    return this.current() ? undefined : this.lastRefusal;
  }

  /** Whether the server lets the station in now (a case may refuse its attempts for a while). */
  refusalFor(identity: string): string | undefined {
    return this.refusing && identity === this.options.stationId ? 'the test case refuses this connection attempt (OCPP-J Part 4 §5.3 reconnection test)' : undefined;
  }

  refuseConnections(refuse: boolean): void {
    this.refusing = refuse;
  }

  /**
   * Open the second endpoint for the running case (closed by `closeSecondEndpoint` when the case
   * ends). Its connections of the configured station become the peer like those of the primary.
   */
  async openSecondEndpoint(identity: SecondEndpointIdentity): Promise<SecondEndpoint> {
    const opener = this.options.openSecondServer;
    if (opener === undefined) throw new Error('this run has no second endpoint (networkProfiles.connectionData2)');
    if (this.second) {
      if (this.second.state.identity === identity) return this.second.state;
      await this.closeSecondEndpoint();
    }
    const holder: { state?: SecondEndpointState } = {};
    const opened = await opener({
      identity,
      refuse: (id) => (holder.state?.refusing === true && id === this.options.stationId ? 'the test case refuses this connection attempt at the second endpoint (Part 6 TC_B_46/49_CS)' : undefined),
    });
    const state = new SecondEndpointState(opened, identity, () => (this.current() ? this.peerConnectionId : undefined));
    holder.state = state;
    const offConnection = opened.server.onConnection((conn) => {
      state.ids.add(conn.id);
      if (this.accept(conn)) state.adopted(conn.id);
    });
    // Every refusal here is an attempt of the station, a failed TLS handshake too (it names no identity).
    const offRejected = opened.server.onRejected((r) => {
      if (r.identity !== undefined && r.identity !== this.options.stationId) return;
      state.ids.add(r.connectionId);
      this.journal.add({ kind: 'refused', connectionId: r.connectionId, monoMs: this.options.clock.monoMs(), status: r.status, reason: r.reason });
    });
    this.second = {
      state,
      detach: () => {
        offConnection();
        offRejected();
      },
    };
    return state;
  }

  /** Close the second endpoint (and the station's connection there), if a case opened it. */
  async closeSecondEndpoint(): Promise<void> {
    const second = this.second;
    if (!second) return;
    this.second = undefined;
    second.detach();
    await second.state.opened.server.close();
  }

  private accept(conn: Connection): boolean {
    if (conn.info.identity !== this.options.stationId || conn.info.subprotocol !== subprotocolOf[this.options.version]) {
      void conn.close(1008, `this harness run expects station ${this.options.stationId} speaking ${subprotocolOf[this.options.version]}`);
      return false;
    }
    const endpoint = openEndpoint(conn, { role: 'csms', version: this.options.version, clock: this.options.clock, callTimeoutMs: this.options.callTimeoutMs, ...(this.options.schemas ? { schemas: this.options.schemas } : {}) });
    this.responders.install(endpoint);
    this.journal.attach(endpoint, { identity: conn.info.identity, subprotocol: conn.info.subprotocol });
    endpoint.onEvent((event) => {
      if (event.type === 'callIn' && event.action === 'BootNotification') this.boot = bootFacts(event.payload);
    });
    const previous = this.endpoint;
    this.endpoint = endpoint;
    this.peerConnectionId = conn.id;
    this.lastRefusal = undefined;
    if (previous && !previous.closed) previous.close(1001, 'replaced by a new connection');
    for (const wake of [...this.waiters]) wake(endpoint);
    return true;
  }

  current(): OcppEndpoint | undefined {
    return this.endpoint && !this.endpoint.closed ? this.endpoint : undefined;
  }

  ensureConnected(deadlineMono: number, signal: AbortSignal): Promise<OcppEndpoint | undefined> {
    const open = this.current();
    if (open) return Promise.resolve(open);
    return new Promise((resolve) => {
      const finish = (value: OcppEndpoint | undefined): void => {
        clearTimeout(timer);
        this.waiters.delete(finish);
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      };
      const onAbort = (): void => finish(undefined);
      const timer = setTimeout(() => finish(undefined), Math.max(0, deadlineMono - this.options.clock.monoMs()));
      this.waiters.add(finish);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  async disconnect(code = 1000, reason = ''): Promise<void> {
    const open = this.current();
    if (open) open.close(code, reason);
  }

  describeDut(): Record<string, string> {
    return { stationId: this.options.stationId, ...this.boot };
  }

  async close(): Promise<void> {
    this.unsubscribe();
    this.unsubscribeRejected();
    await this.closeSecondEndpoint();
    await this.disconnect(1001, 'harness run finished');
  }
}

/** "a station connected as "CP9" at /ocpp/CP9 and was refused with HTTP 404: … (this run expects CP001)". */
export function describeRefusal(r: ServerRejection, expected: string): string {
  const who = r.identity === undefined ? 'a station' : r.identity === expected ? `station ${expected}` : `a station connected as "${r.identity}"`;
  const where = r.path === undefined ? '' : ` at ${r.path.split('?')[0] ?? ''}`;
  const how = r.status === 0 ? 'its TLS handshake failed' : `was refused with HTTP ${r.status}`;
  const expect = r.identity !== undefined && r.identity !== expected ? ` (this run expects station ${expected})` : '';
  return `${who}${where} ${how}: ${r.reason}${expect}`;
}

/** Vendor, model, serial and firmware from a 1.6 or 2.0.1 BootNotification. */
function bootFacts(payload: Record<string, unknown>): Record<string, string> {
  const cs = (payload['chargingStation'] ?? payload) as Record<string, unknown>;
  const pick = (...keys: string[]): string | undefined => {
    for (const k of keys) if (typeof cs[k] === 'string') return cs[k];
    return undefined;
  };
  const facts: Record<string, string | undefined> = {
    vendor: pick('vendorName', 'chargePointVendor'),
    model: pick('model', 'chargePointModel'),
    serialNumber: pick('serialNumber', 'chargePointSerialNumber', 'chargeBoxSerialNumber'),
    firmwareVersion: pick('firmwareVersion'),
  };
  return Object.fromEntries(Object.entries(facts).filter((e): e is [string, string] => e[1] !== undefined));
}
