/** Options and public state names of the reference station, shared by both OCPP versions. */
import type { Clock } from '../../../clock.js';
import type { OcppVersion } from '../../../protocol/versions.js';
import type { CallHandler } from '../../../session/endpoint.js';
import type { ClientTlsOptions } from '../../../transport/tls-options.js';
import type { WireLog } from '../../../transport/wire-log.js';
import type { Pki } from '../../../protocol/pki.js';
import type { SimTimers } from '../../types.js';
import type { TokenEntry } from '../auth.js';

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
  /** Compliant-but-different behaviours (src/sim/quirk-registry.ts). */
  quirks?: readonly string[];
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
  /** Certificate operations (keys, CSRs, chain checks) for the security blocks; without it they answer as a station without a PKI. */
  pki?: Pki;
}

export type ConnectionState = 'off' | 'offline' | 'connecting' | 'connected';
export type BootState = 'none' | 'Pending' | 'Accepted' | 'Rejected';
