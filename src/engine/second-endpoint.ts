/**
 * The harness's second endpoint (harness plays the CSMS): Part 6 TC_B_45…50_CS migrate the station
 * to "the alternative internal OCTT endpoint" (<Configured connectionData2>) and back. A case opens
 * it for its own duration; the station's connections there become the peer like those on the
 * primary endpoint (same journal, same responders), and the case can refuse attempts there and
 * see which connection came in where. The server itself is built by start-run (transport layer)
 * from the configured values; this module only keeps the case's view of it.
 */
import { subprotocolOf, type OcppVersion } from '../protocol/versions.js';
import { basicAuthVerifier, OcppServer } from '../transport/server.js';
import type { ServerTlsOptions } from '../transport/tls-options.js';
import type { WireLog } from '../transport/wire-log.js';
import type { ConfiguredValues } from './configured-values.js';

/** Which TLS identity the second endpoint presents (TC_B_47_CS uses the primary's, the old root). */
export type SecondEndpointIdentity = 'own' | 'primary';

export interface OpenedSecondServer {
  server: OcppServer;
  /** connectionData2.ocppCsmsUrl: the configured URL, else the one the server listens at. */
  ocppCsmsUrl: string;
  securityProfile: 0 | 1 | 2 | 3;
}

/** Builds and starts the second server; `refuse` is consulted on every upgrade (HTTP 503 when it gives a reason). */
export type SecondServerOpener = (options: { identity: SecondEndpointIdentity; refuse: (identity: string) => string | undefined }) => Promise<OpenedSecondServer>;

/** The second endpoint as a case sees it. */
export interface SecondEndpoint {
  /** The URL to put in connectionData.ocppCsmsUrl (no identity appended). */
  readonly ocppCsmsUrl: string;
  /** The security profile it serves (connectionData2.securityProfile). */
  readonly securityProfile: 0 | 1 | 2 | 3;
  readonly identity: SecondEndpointIdentity;
  /** Refuse (HTTP 503, journalled as `refused`) the station's attempts here while true. */
  refuse(refuse: boolean): void;
  /** Wire-log connection ids of every attempt that reached it (accepted or refused). */
  connectionIds(): ReadonlySet<string>;
  /** Wait until a connection here becomes the peer; false when none did within `withinMs`. */
  waitForPeer(withinMs: number, signal: AbortSignal): Promise<boolean>;
  /** The station's current connection came in here. */
  holdsPeer(): boolean;
}

/** The bookkeeping behind one opened second endpoint (CsmsLink owns it while the case runs). */
export class SecondEndpointState implements SecondEndpoint {
  readonly ids = new Set<string>();
  refusing = false;
  private peerId: string | undefined;
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly opened: OpenedSecondServer,
    readonly identity: SecondEndpointIdentity,
    private readonly currentPeerId: () => string | undefined,
  ) {}

  get ocppCsmsUrl(): string {
    return this.opened.ocppCsmsUrl;
  }
  get securityProfile(): 0 | 1 | 2 | 3 {
    return this.opened.securityProfile;
  }
  refuse(refuse: boolean): void {
    this.refusing = refuse;
  }
  connectionIds(): ReadonlySet<string> {
    return this.ids;
  }
  holdsPeer(): boolean {
    const id = this.currentPeerId();
    return id !== undefined && id === this.peerId;
  }

  /** A connection here became the peer. */
  adopted(connectionId: string): void {
    this.ids.add(connectionId);
    this.peerId = connectionId;
    for (const wake of [...this.waiters]) wake();
  }

  waitForPeer(withinMs: number, signal: AbortSignal): Promise<boolean> {
    if (this.holdsPeer()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (value: boolean): void => {
        clearTimeout(timer);
        this.waiters.delete(onPeer);
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      };
      const onPeer = (): void => finish(true);
      const onAbort = (): void => finish(false);
      const timer = setTimeout(() => finish(this.holdsPeer()), Math.max(0, withinMs));
      this.waiters.add(onPeer);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}

export interface SecondServerSettings {
  config: ConfiguredValues;
  version: OcppVersion;
  wireLog: WireLog;
  /** The primary endpoint's TLS options (the `primary` identity, and the CA of station certificates). */
  primaryTls?: ServerTlsOptions;
}

/** `host:port` of connectionData2.listen (the CLI refused a malformed one before the run). */
export function splitListen(listen: string): { host: string; port: number } {
  const v6 = /^\[([^\]]+)\]:(\d+)$/.exec(listen.trim());
  if (v6) return { host: v6[1] ?? '::1', port: Number(v6[2]) };
  const colon = listen.lastIndexOf(':');
  return colon < 0 ? { host: '127.0.0.1', port: Number(listen) } : { host: listen.slice(0, colon) || '127.0.0.1', port: Number(listen.slice(colon + 1)) };
}

/**
 * The second server from connectionData2: the same station identity, subprotocol and Basic auth
 * password as the primary; its own certificate (`own`, when configured) or the primary's.
 */
export function secondServerOpener(settings: SecondServerSettings): SecondServerOpener {
  return async ({ identity, refuse }) => {
    const { config } = settings;
    const data = config.networkProfiles.connectionData2;
    const securityProfile = data.securityProfile ?? config.securityProfile;
    const own = data.cert !== undefined && data.key !== undefined ? { cert: data.cert, key: data.key, ...(settings.primaryTls?.ca === undefined ? {} : { ca: settings.primaryTls.ca }) } : undefined;
    const tls = identity === 'own' ? (own ?? settings.primaryTls) : settings.primaryTls;
    if (securityProfile >= 2 && tls === undefined) {
      throw new Error(`networkProfiles.connectionData2.securityProfile ${securityProfile} needs TLS: set connectionData2.cert and .key${identity === 'primary' ? ' (this case presents the primary endpoint\'s certificate: run with --cert and --key)' : ''}`);
    }
    const password = config.basicAuthPassword;
    const server = new OcppServer({
      ...splitListen(data.listen),
      path: data.path,
      subprotocols: [subprotocolOf[settings.version]],
      wireLog: settings.wireLog,
      ...(securityProfile > 0 ? { auth: { securityProfile, ...(password ? { verify: basicAuthVerifier({ password }) } : {}) } } : {}),
      ...(securityProfile >= 2 && tls ? { tls } : {}),
      refuse,
      acceptIdentity: (id) => id === config.stationId,
    });
    const address = await server.start();
    return { server, ocppCsmsUrl: data.ocppCsmsUrl ?? address.url, securityProfile };
  };
}
