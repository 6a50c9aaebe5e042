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
import { dial, DialError, type DialOptions } from '../transport/client.js';
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
  fatalConnectError: string | undefined;
  private everConnected = false;

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

  get lastConnectError(): string | undefined {
    return this.lastDialError;
  }

  private adopt(conn: Connection): OcppEndpoint {
    const o = this.options;
    this.everConnected = true;
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
    if (this.fatalConnectError !== undefined) return undefined;
    const firstTry = o.clock.monoMs();
    while (!signal.aborted && o.clock.monoMs() < deadlineMono) {
      try {
        const endpoint = this.adopt(await this.dialOnce([subprotocolOf[o.version]], deadlineMono));
        this.lastDialError = undefined;
        return endpoint;
      } catch (err) {
        this.lastDialError = err instanceof Error ? err.message : String(err);
        // A CSMS that never answered once, for a reason waiting will not fix, ends the run (issue #11).
        if (!this.everConnected && isConfigurationFailure(err, o.clock.monoMs() - firstTry)) {
          this.fatalConnectError = this.lastDialError;
          return undefined;
        }
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

/** How long a refused or unresolvable first connection is retried (a CSMS still starting up). */
export const firstConnectGraceMs = 5_000;

/**
 * A first dial that failed for a reason of configuration, from the structured cause of the dial
 * (transport/client.ts DialFailure): nothing listens there (after a short grace for a CSMS still
 * starting), the upgrade was refused with a 4xx (wrong path, identity or password), TLS failed
 * (untrusted or wrong certificate), or no offered subprotocol was agreed.
 */
export function isConfigurationFailure(err: unknown, sinceFirstTryMs: number): boolean {
  if (!(err instanceof DialError)) return false;
  const f = err.failure;
  switch (f.kind) {
    case 'unreachable':
      return sinceFirstTryMs >= firstConnectGraceMs;
    case 'http':
      return f.status !== undefined && f.status >= 400 && f.status < 500 && f.status !== 408 && f.status !== 429;
    case 'tls':
    case 'subprotocol':
      return true;
    default:
      return false;
  }
}
