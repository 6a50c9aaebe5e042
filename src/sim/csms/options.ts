/** Options of the CSMS simulator and their named defaults. */
import type { ServerTlsOptions } from '../../transport/tls-options.js';
import type { SecurityProfile } from '../../transport/server.js';
import type { WireLog } from '../../transport/wire-log.js';
import type { Pki } from '../../protocol/pki.js';
import type { SimCommonOptions } from '../types.js';
import type { BootStatus } from './state.js';
import type { TokenRecord } from './tokens.js';

export interface CsmsSimulatorOptions extends SimCommonOptions {
  /** Listen address (default 127.0.0.1). */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Path prefix: stations connect at `<path>/<identity>` (default '/ocpp'). */
  path?: string;
  /** 0 (default) … 3; 1/2 need a password, 2/3 need tls. */
  securityProfile?: SecurityProfile;
  /** Basic auth password of every station (profiles 1/2). Secret: never in a snapshot. */
  password?: string;
  /** Basic auth password per station identity; wins over `password`. */
  passwords?: Readonly<Record<string, string>>;
  tls?: ServerTlsOptions;
  /** Station identities the CSMS knows (default ['CP001']); others are refused with 404. */
  stationIds?: readonly string[];
  /** Accept any station identity (standalone use). */
  acceptAnyStation?: boolean;
  /**
   * Answer to the n-th BootNotification of a station: the n-th entry, the last one repeating
   * (default ['Accepted']). E.g. ['Pending', 'Pending', 'Accepted'] or ['Rejected'].
   */
  bootPolicy?: readonly BootStatus[];
  /** Interval returned with Accepted: the heartbeat interval, seconds (default 60). */
  heartbeatIntervalS?: number;
  /** Interval returned with Pending / Rejected: when to retry the boot, seconds (default 10). */
  retryIntervalS?: number;
  tokens?: readonly TokenRecord[];
  /** Vendor id of the DataTransfer this CSMS sends (default 'org.ocpp-conform'). */
  vendorId?: string;
  /** Vendor ids whose DataTransfer the CSMS accepts (default none: UnknownVendorId). */
  acceptedVendorIds?: readonly string[];
  /** How long a triggered CALL waits for the station's answer. */
  callTimeoutMs?: number;
  wireLog?: WireLog;
  newMessageId?: () => string;
  /** Certificate operations: sign the stations' CSRs with the test CA; without it SignCertificate is Rejected. */
  pki?: Pki;
}

export const defaultStationIds: readonly string[] = ['CP001'];
export const defaultHeartbeatIntervalS = 60;
export const defaultBootRetryIntervalS = 10;
export const defaultVendorId = 'org.ocpp-conform';

