/**
 * The station's connection loop (OCPP-J Part 4 §5.3): dial, run one session until the socket
 * closes, reconnect with back-off (doubling up to the repeat count, plus a random range), and
 * stay offline while told to. The core decides what happens on a connection (boot or resume).
 */
import type { Clock } from '../../../clock.js';
import type { OcppEndpoint } from '../../../session/endpoint.js';
import { openEndpoint } from '../../../session/open.js';
import { robustnessWire } from '../../robustness/wire-quirks.js';
import { dial } from '../../../transport/client.js';
import type { Connection } from '../../../transport/connection.js';
import type { ClientTlsOptions } from '../../../transport/tls-options.js';
import { simulatorWireLogMaxEntries, WireLog } from '../../../transport/wire-log.js';
import type { ConnectionState, StationOptions, StationVersion } from './options.js';

/** Finished CALL ids a station remembers, to recognise a late CALLRESULT: a few outstanding retries' worth. */
const stationRememberedIds = 32;

/** One connection attempt's destination: a network profile (2.0.1 block B) or the configured CSMS. */
export interface DialTarget {
  url: string;
  tls?: ClientTlsOptions;
  /** Another profile than the previous attempt's: dialled at once, the back-off is per profile (Part 2 B10). */
  switched?: boolean;
}

/** Chooses where each attempt goes (2.0.1 NetworkConfigurationPriority); `undefined`: stop trying. */
export interface ConnectionPlanner {
  /** `first`: the first attempt of a power cycle (the priority is read again). */
  next(first: boolean): DialTarget | undefined;
  result(target: DialTarget, connected: boolean): void;
}

export interface LinkHost {
  readonly options: StationOptions;
  readonly version: StationVersion;
  readonly stationId: string;
  readonly clock: Clock;
  has(defect: string): boolean;
  sleep(ms: number, signal?: AbortSignal): Promise<boolean>;
  backoffPolicy(): { minimumMs: number; repeatTimes: number; randomRangeMs: number };
  messageTimeoutMs(): number;
  accepted(): boolean;
  setState(state: ConnectionState): void;
  /** A session is open: install handlers, then boot (first time) or resume (a reconnection). */
  opened(ep: OcppEndpoint, reconnect: boolean, offlineMs: number, linkSignal: AbortSignal): void;
  /** The session's socket closed. */
  closed(ep: OcppEndpoint): void;
  /** Where to dial (block B network profiles); absent: always options.csmsUrl. */
  planner?(): ConnectionPlanner | undefined;
}

export class StationLink {
  private wantOnline = true;
  private onlineWaiters: Array<() => void> = [];
  private connection: Connection | undefined;
  private everConnected = false;
  private lastConnectedMonoMs: number | undefined;
  private firstAttempt: (() => void) | undefined;
  /** One capped log across reconnections (issue #14: an uncapped log per station grew without end). */
  private wireLog: WireLog | undefined;

  constructor(private readonly host: LinkHost) {}

  /** Resolves after the next connection attempt (connected or failed). */
  nextAttempt(): Promise<void> {
    return new Promise<void>((resolve) => (this.firstAttempt = resolve));
  }

  goOffline(): void {
    this.wantOnline = false;
    this.close('offline');
  }

  goOnline(): void {
    this.wantOnline = true;
    this.wake();
  }

  /** Forget a goOffline (power off for good). */
  resetWish(): void {
    this.wantOnline = true;
  }

  wake(): void {
    for (const w of this.onlineWaiters.splice(0)) w();
  }

  close(reason: string): void {
    const conn = this.connection;
    if (conn) void conn.close(1000, reason).catch(() => undefined);
  }

  async run(signal: AbortSignal): Promise<void> {
    const host = this.host;
    let failures = 0;
    let lost = false;
    let first = true;
    while (!signal.aborted) {
      if (!this.wantOnline) {
        host.setState('offline');
        await new Promise<void>((resolve) => this.onlineWaiters.push(resolve));
        failures = 0;
        lost = false;
        continue;
      }
      const planner = host.planner?.();
      const target = planner ? planner.next(first) : { url: host.options.csmsUrl, ...(host.options.tls ? { tls: host.options.tls } : {}) };
      first = false;
      if (target === undefined) {
        // Every profile failed and the station gave up (a defect: Part 2 B10.FR.09 says keep trying).
        host.setState('offline');
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
        break;
      }
      // Part 4 §5.3: the first reconnection after a loss already waits RetryBackOffWaitMinimum.
      if ((lost || failures > 0) && target.switched !== true) {
        if (!(await host.sleep(this.backoffMs(lost ? failures : failures - 1), signal))) break;
        if (!this.wantOnline) continue;
      }
      host.setState('connecting');
      let conn: Connection;
      try {
        conn = await dial(target.url, {
          identity: host.stationId,
          subprotocols: [host.version === '1.6' ? 'ocpp1.6' : 'ocpp2.0.1'],
          ...(host.options.basicAuthPassword === undefined ? {} : { basicAuth: { username: host.stationId, password: host.options.basicAuthPassword } }),
          ...(target.tls ? { tls: target.tls } : {}),
          wireLog: host.options.wireLog ?? this.ownWireLog(),
        });
      } catch {
        planner?.result(target, false);
        host.setState('offline');
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
      planner?.result(target, true);
      const how = await this.runSession(conn, signal);
      lost = how === 'lost';
      if (lost && host.has('no-reconnect')) {
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      }
    }
    host.setState('offline');
  }

  private ownWireLog(): WireLog {
    this.wireLog ??= new WireLog({ maxEntries: simulatorWireLogMaxEntries });
    return this.wireLog;
  }

  private backoffMs(failures: number): number {
    if (this.host.has('no-reconnect-backoff')) return 50;
    const { minimumMs, repeatTimes, randomRangeMs } = this.host.backoffPolicy();
    const random = (this.host.options.random ?? Math.random)();
    return minimumMs * 2 ** Math.min(failures, repeatTimes) + Math.floor(random * randomRangeMs);
  }

  private async runSession(conn: Connection, powerSignal: AbortSignal): Promise<'lost' | 'local'> {
    const host = this.host;
    this.connection = conn;
    if (host.has('error-code-1.6-spelling')) {
      conn.setInterceptor({ outbound: (text, transmit) => transmit(text.startsWith('[4,') ? text.replace('"FormatViolation"', '"FormationViolation"') : text) });
    }
    let n = 0;
    const restartIds = host.has('restarts-message-ids') ? { newMessageId: () => `m-${++n}` } : {};
    // A small id memory (issue #14): 1,000 remembered ids per station was most of a fleet's growth.
    const ep = openEndpoint(Object.assign(robustnessWire(conn, { version: host.version, has: (d) => host.has(d) }), { info: conn.info }), { role: 'cs', version: host.version, clock: host.clock, callTimeoutMs: host.messageTimeoutMs(), rememberedIds: stationRememberedIds, ...restartIds });
    const offlineMs = this.lastConnectedMonoMs === undefined ? 0 : host.clock.monoMs() - this.lastConnectedMonoMs;
    const link = new AbortController();
    const reconnect = this.everConnected && host.accepted();
    host.opened(ep, reconnect, offlineMs, link.signal);
    this.firstAttempt?.();
    this.firstAttempt = undefined;
    this.everConnected = true;
    const info = await conn.closed;
    link.abort();
    this.lastConnectedMonoMs = host.clock.monoMs();
    host.closed(ep);
    this.connection = undefined;
    host.setState('offline');
    return info.initiator === 'local' || powerSignal.aborted || !this.wantOnline ? 'local' : 'lost';
  }
}
