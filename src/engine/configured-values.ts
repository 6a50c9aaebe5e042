/**
 * The run's configured values: what OCTT calls "Configured …" in Part 6 (station id, EVSE and
 * connector ids, idTokens of each kind, intervals, timeouts, tolerance, security settings).
 * Loaded from a config file (schemas/config.schema.json) with CLI overrides; secrets are redacted
 * from every output by `redactConfig`.
 */
import { timeToleranceMs } from '../constants.js';

export interface IdTokenValue {
  idToken: string;
  /** 2.0.1 IdTokenEnumType (ISO14443, Central, eMAID, …); ignored for 1.6 idTags. */
  type: string;
}

export interface ConfiguredValues {
  /** Charging station identity (the last path segment of the WebSocket URL). */
  stationId: string;
  evseId: number;
  connectorId: number;
  /** Number of EVSEs (2.0.1) / connectors (1.6) the station has, for "all connectors" checks. */
  numberOfEvses: number;
  idTokens: {
    valid: IdTokenValue;
    invalid: IdTokenValue;
    blocked: IdTokenValue;
    expired: IdTokenValue;
    /** A second valid token with the same group id as `valid`. */
    validSameGroup?: IdTokenValue;
    masterPass?: IdTokenValue;
  };
  groupId: string;
  /** 2.0.1 AuthCtrlr.MasterPassGroupId: the groupIdToken a CSMS gives the Master Pass card (C16). */
  masterPassGroupId: string;
  heartbeatIntervalS: number;
  /** OCTT 1.6 <Configured Meter Value (Sample) interval>, seconds; absent: the case's own default (10 s). */
  meterValueSampleIntervalS?: number;
  /** OCTT 1.6 <Configured Clock Aligned Data interval>, seconds; absent: the case's own default (10 s). */
  clockAlignedDataIntervalS?: number;
  /** How long to wait for a DUT message (Part 6: "Configured message timeout"). */
  messageTimeoutMs: number;
  /** How long to wait for the DUT to (re)connect, e.g. after a reset. */
  connectTimeoutMs: number;
  /** Time tolerance for timing checks, default the labs' 4 s. */
  toleranceMs: number;
  /** Per-case timeout. */
  caseTimeoutMs: number;
  /** SUT = CSMS: how long the harness-as-station stays away after a Reset / reboot before it dials again. */
  rebootDelayMs: number;
  securityProfile: 0 | 1 | 2 | 3;
  /**
   * Frames larger than this many bytes are kept in memory and in the reports as a head, a sha256
   * and the length; the full text goes only to wire.jsonl (issue #12: bounded memory).
   */
  maxStoredFrameBytes: number;
  /** Basic auth password (profiles 1 and 2). Secret. */
  basicAuthPassword?: string;
  /** Vendor-specific values a case may need (e.g. DataTransfer vendorId). */
  vendorId: string;
  /** Free-form extras for adapters and cases. */
  extra: Record<string, unknown>;
  /** Part 6 B09/B10 network profile migration (TC_B_45…50_CS): the two slots and the second endpoint. */
  networkProfiles: NetworkProfilesConfig;
}

/**
 * Part 6 "<Configured configurationSlot>", "<Configured configurationSlot2>" and
 * "<Configured connectionData2>": the slots a migration alternates between, and the harness's
 * second endpoint (OCTT's "alternative internal endpoint") a case opens for its duration.
 */
export interface NetworkProfilesConfig {
  configurationSlot: number;
  configurationSlot2: number;
  /** TC_B_49_CS <Configured RetryBackOffWaitMinimum>, seconds. */
  retryBackOffWaitMinimumS: number;
  connectionData2: SecondConnectionData;
}

export interface SecondConnectionData {
  /** Where the harness listens for it, `host:port` (port 0: any free port). */
  listen: string;
  /** Path prefix; the station connects at `<path>/<identity>`. */
  path: string;
  /** connectionData2.ocppCsmsUrl the station is given; default: the URL the harness listens at. */
  ocppCsmsUrl?: string;
  ocppInterface: string;
  /** connectionData2.messageTimeout, seconds; default: the run's message timeout. */
  messageTimeoutS?: number;
  /** connectionData2.securityProfile; default: the run's security profile. */
  securityProfile?: 0 | 1 | 2 | 3;
  /** Its own TLS identity, PEM text or file: the "new CSMS" of TC_B_47/50_CS; default: the primary endpoint's. */
  cert?: string;
  key?: string;
  /** The root that issued `cert`: <Configured (new) CSMS Root certificate 2>, installed as CSMSRootCertificate. */
  rootCertificate?: string;
  /** The root of the primary endpoint's certificate (<Configured old CSMS Root certificate>), PEM text or file. */
  primaryRootCertificate?: string;
}

export const defaultConfiguredValues: ConfiguredValues = {
  stationId: 'CP001',
  evseId: 1,
  connectorId: 1,
  numberOfEvses: 1,
  // Issue #11: real ISO14443 UIDs (7 bytes, hex; ISO/IEC 14443-3 §6.5.4) — a CSMS that checks the
  // format refused "VALID-TOKEN-01" and every Authorize with it. `list` / the preflight tell a CSMS
  // vendor which ones to provision with which status (src/cli/token-provisioning.ts).
  idTokens: {
    valid: { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' },
    invalid: { idToken: '04FFEEDDCCBBAA', type: 'ISO14443' },
    blocked: { idToken: '04B10C4ED00001', type: 'ISO14443' },
    expired: { idToken: '04E0E1E2E3E4E5', type: 'ISO14443' },
    validSameGroup: { idToken: '04A1B2C3D4E5F7', type: 'ISO14443' },
    masterPass: { idToken: '04AA55AA55AA55', type: 'ISO14443' },
  },
  groupId: 'GROUP-01',
  masterPassGroupId: 'MASTERPASS-01',
  heartbeatIntervalS: 60,
  messageTimeoutMs: 30_000,
  connectTimeoutMs: 60_000,
  toleranceMs: timeToleranceMs,
  caseTimeoutMs: 300_000,
  // Issue #11: a reboot within 20 ms made one CSMS race (crash, zombie socket); real stations take seconds.
  rebootDelayMs: 5_000,
  securityProfile: 0,
  maxStoredFrameBytes: 65_536,
  vendorId: 'org.ocpp-conform',
  extra: {},
  networkProfiles: {
    configurationSlot: 1,
    configurationSlot2: 2,
    retryBackOffWaitMinimumS: 10,
    connectionData2: { listen: '127.0.0.1:0', path: '/ocpp', ocppInterface: 'Wired0' },
  },
};

const secretKeys = new Set(['basicAuthPassword', 'password', 'privateKey', 'key', 'authorizationKey']);

/** A deep copy with every secret replaced, for reports, traces and logs. */
export function redactConfig<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => redactConfig(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, secretKeys.has(k) && v !== undefined ? '[redacted]' : redactConfig(v)]),
    ) as T;
  }
  return value;
}
