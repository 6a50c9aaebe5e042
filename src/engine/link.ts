/**
 * The harness's connection to the DUT, across reconnections. The harness-as-CSMS link waits for
 * the station to connect (and reconnect after a reset); the harness-as-station link dials the
 * CSMS. Either way every endpoint is attached to the journal and answers with the responders.
 */
import type { Role } from '../protocol/versions.js';
import type { OcppEndpoint } from '../session/endpoint.js';
import type { Journal } from './journal.js';
import type { Responders } from './responders.js';
import type { SecondEndpoint, SecondEndpointIdentity } from './second-endpoint.js';

export interface DutLink {
  readonly journal: Journal;
  /** The role the harness plays on this link. */
  readonly role: Role;
  readonly responders: Responders;
  /** The open endpoint, if any. */
  current(): OcppEndpoint | undefined;
  /**
   * An open endpoint by the deadline (monotonic ms): the CSMS role waits for the station to
   * connect; the station role dials. Undefined when none could be had.
   */
  ensureConnected(deadlineMono: number, signal: AbortSignal): Promise<OcppEndpoint | undefined>;
  /**
   * Station role: drop the current connection and dial once offering `subprotocols` in that order
   * (default: the run's version). The new connection becomes the peer when the run's version was
   * agreed; any other outcome is reported, never silently used.
   */
  reconnect?(options: ReconnectOptions, deadlineMono: number, signal: AbortSignal): Promise<ReconnectOutcome>;
  /** Drop the current connection (station role: to reconnect later). */
  disconnect(code?: number, reason?: string): Promise<void>;
  /** CSMS role: refuse the DUT's connection attempts while true (journalled as `refused`). */
  refuseConnections?(refuse: boolean): void;
  /** CSMS role: open the second endpoint (connectionData2) for the running case. */
  openSecondEndpoint?(identity: SecondEndpointIdentity): Promise<SecondEndpoint>;
  /** CSMS role: close it again (the runner does, when the case ends). */
  closeSecondEndpoint?(): Promise<void>;
  /** What the DUT told about itself (BootNotification fields, or the CSMS URL). */
  describeDut(): Record<string, string>;
  /** Why the last attempt to connect failed (HTTP status, TLS error, refused connection), if it did. */
  readonly lastConnectError?: string | undefined;
  /**
   * Set when the DUT could never be reached for a reason waiting will not fix (wrong port, wrong
   * path or password, untrusted certificate): the run stops instead of timing out every case.
   */
  readonly fatalConnectError?: string | undefined;
  close(): Promise<void>;
}

export interface ReconnectOptions {
  subprotocols?: string[];
}

export type ReconnectOutcome = { connected: true; subprotocol: string | null } | { connected: false; reason: string };
