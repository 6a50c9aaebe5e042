/**
 * The link when the harness plays the charging station (SUT = CSMS): it dials the CSMS when a
 * case needs a connection, attaches each connection to the journal and answers the CSMS's calls
 * with the responders. A case can drop the connection and the next `peer()` dials again.
 */
import type { Clock } from '../clock.js';
import { subprotocolOf, type OcppVersion } from '../protocol/versions.js';
import type { SchemaSet } from '../protocol/schemas.js';
import type { OcppEndpoint } from '../session/endpoint.js';
import { openEndpoint } from '../session/open.js';
import { dial, type DialOptions } from '../transport/client.js';
import type { Connection } from '../transport/connection.js';
import type { WireLog } from '../transport/wire-log.js';
import type { Journal } from './journal.js';
import type { DutLink, ReconnectOptions, ReconnectOutcome } from './link.js';
import type { Responders } from './responders.js';

/** How long a disconnect waits for the CSMS to complete the close handshake. */
const closeWaitMs = 5_000;

export interface StationLinkOptions {
  csmsUrl: string;
  stationId: string;
  version: OcppVersion;
  journal: Journal;
  responders: Responders;
  clock: Clock;
  wireLog: WireLog;
  callTimeoutMs: number;
  /** Schemas to judge frames with (default: the built-in official ones). */
  schemas?: SchemaSet;
  basicAuth?: DialOptions['basicAuth'];
  tls?: DialOptions['tls'];
}

export class StationLink implements DutLink {
  readonly role = 'cs' as const;
  readonly journal: Journal;
  readonly responders: Responders;
  private endpoint: OcppEndpoint | undefined;
  /** Why the last dial failed, for the inconclusive message. */
  lastDialError: string | undefined;

  constructor(private readonly options: StationLinkOptions) {
    this.journal = options.journal;
    this.responders = options.responders;
  }

  current(): OcppEndpoint | undefined {
    return this.endpoint && !this.endpoint.closed ? this.endpoint : undefined;
  }

  async reconnect(options: ReconnectOptions, deadlineMono: number, signal: AbortSignal): Promise<ReconnectOutcome> {
    await this.disconnect(1000, 'reconnecting');
    if (signal.aborted) return { connected: false, reason: 'aborted' };
    const o = this.options;
    const offered = options.subprotocols ?? [subprotocolOf[o.version]];
    try {
      const conn = await this.dialOnce(offered, deadlineMono);
      const agreed = conn.info.subprotocol;
      if (agreed !== subprotocolOf[o.version]) {
        // The harness speaks one version per run: a connection on any other subprotocol is
        // reported to the case and closed, never used.
        this.journal.add({ kind: 'connected', connectionId: conn.id, monoMs: o.clock.monoMs(), identity: o.stationId, subprotocol: agreed });
        void conn.close(1000, 'subprotocol not used by this run');
        return { connected: true, subprotocol: agreed };
      }
      this.adopt(conn);
      return { connected: true, subprotocol: agreed };
    } catch (err) {
      return { connected: false, reason: err instanceof Error ? err.message : String(err) };
    }
  }

  private dialOnce(subprotocols: readonly string[], deadlineMono: number): Promise<Connection> {
    const o = this.options;
    return dial(o.csmsUrl, {
      identity: o.stationId,
      subprotocols,
      wireLog: o.wireLog,
      handshakeTimeoutMs: Math.max(1000, Math.min(10_000, deadlineMono - o.clock.monoMs())),
      ...(o.basicAuth ? { basicAuth: o.basicAuth } : {}),
      ...(o.tls ? { tls: o.tls } : {}),
    });
  }

  private adopt(conn: Connection): OcppEndpoint {
    const o = this.options;
    const endpoint = openEndpoint(conn, { role: 'cs', version: o.version, clock: o.clock, callTimeoutMs: o.callTimeoutMs, ...(o.schemas ? { schemas: o.schemas } : {}) });
    this.responders.install(endpoint);
    this.journal.attach(endpoint, { identity: o.stationId, subprotocol: conn.info.subprotocol });
    this.endpoint = endpoint;
    return endpoint;
  }

  async ensureConnected(deadlineMono: number, signal: AbortSignal): Promise<OcppEndpoint | undefined> {
    const open = this.current();
    if (open) return open;
    const o = this.options;
    while (!signal.aborted && o.clock.monoMs() < deadlineMono) {
      try {
        const endpoint = this.adopt(await this.dialOnce([subprotocolOf[o.version]], deadlineMono));
        this.lastDialError = undefined;
        return endpoint;
      } catch (err) {
        this.lastDialError = err instanceof Error ? err.message : String(err);
        await o.clock.sleep(Math.min(1000, Math.max(0, deadlineMono - o.clock.monoMs())), signal).catch(() => undefined);
      }
    }
    return undefined;
  }

  async disconnect(code = 1000, reason = ''): Promise<void> {
    const open = this.current();
    if (!open) return;
    // Wait for the close handshake, at most closeWaitMs; the timer is cancelled once closed so
    // it never keeps the process alive.
    const stop = new AbortController();
    const closed = new Promise<void>((resolve) => open.onEvent((e) => e.type === 'close' && resolve()));
    open.close(code, reason);
    await Promise.race([closed, this.options.clock.sleep(closeWaitMs, stop.signal).catch(() => undefined)]);
    stop.abort();
  }

  describeDut(): Record<string, string> {
    return { csmsUrl: this.options.csmsUrl, stationId: this.options.stationId };
  }

  async close(): Promise<void> {
    await this.disconnect(1000, 'harness run finished');
  }
}
