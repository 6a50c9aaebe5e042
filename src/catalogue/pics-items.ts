/**
 * The known PICS items, as data: one entry per item id (per side where Part 5 gives an id two
 * meanings, e.g. AQ-1). PICS files are checked against this table, `pics init` writes its template
 * from it, and test cases name these ids in their `applies` conditions.
 *
 * OCPP 2.0.1 ids are Part 5 (Certification Profiles, edition 3): optional features C-xx and the
 * per-profile AS-x / SC-x / R-x / DM-x / ISO-x / LA-x / UI-x (§3.1 charging station, §3.2 CSMS),
 * additional questions AQ-x (Appendix A) and hardware features HFS-x (Appendix B). Titles are our
 * own short words for them. OCPP 2.1 has no published Part 5 yet, so 2.1 uses the 2.0.1 set.
 *
 * OCPP 1.6 has no Part 5; its certification is by feature profile (OCPP 1.6 §3). Our own ids:
 * `FP-<Profile>` (derived from certificationProfiles), `SEC-…` for the Security Whitepaper
 * features, `HW-…` for hardware and `CFG-…` for optional configuration-key behaviour.
 *
 * `SecurityProfile` (every version) mirrors the PICS file's top-level securityProfile, so a
 * condition can say `{ item: 'SecurityProfile', equals: 3 }`.
 */
import type { PicsValue } from '../engine/pics-condition.js';
import type { OcppVersion, Role } from '../protocol/versions.js';

export type PicsItemType = 'boolean' | 'number' | 'string' | 'string[]';

export interface PicsItem {
  /** Part 5 id (C-01, AQ-2, HFS-8 …) or our 1.6 id (FP-SmartCharging …). */
  id: string;
  versions: readonly OcppVersion[];
  /** The SUT side(s) whose PICS the item belongs to in Part 5. */
  sides: readonly Role[];
  /** Certification profile (2.0.1) or area (1.6) the item is listed under. */
  group: string;
  /**
   * Short description in our words. For a boolean it completes "true if the <station|CSMS> …";
   * otherwise it names what to write ("number of EVSEs").
   */
  title: string;
  type: PicsItemType;
  /** The configuration variable (2.0.1) or key (1.6) the feature corresponds to. */
  variable?: string;
  /** For sub-options (C-09.1): the item they belong to (C-09). */
  parent?: string;
  /**
   * How the loader fills the item when the file does not declare it: from the top-level
   * securityProfile, from certificationProfiles (1.6 FP-*), or as "any sub-option supported".
   * The template does not ask derived items.
   */
  derived?: 'securityProfile' | 'certificationProfiles' | 'subOptions';
  /** For `derived: 'certificationProfiles'`: the profile whose presence makes it true. */
  profile?: string;
  /** Part 5 marks the feature Required for these sides (the template starts them true). */
  required?: readonly Role[];
  /** The template's starting answer when not false / 0 / "" / []. */
  initial?: PicsValue;
  /** One more line of advice for the template. */
  note?: string;
}

const v2: readonly OcppVersion[] = ['2.0.1', '2.1'];
const v16: readonly OcppVersion[] = ['1.6'];
const cs: readonly Role[] = ['cs'];
const csms: readonly Role[] = ['csms'];
const both: readonly Role[] = ['cs', 'csms'];

type Extra = Partial<Omit<PicsItem, 'id' | 'title' | 'type' | 'versions' | 'sides' | 'group'>>;

function v2item(group: string, sides: readonly Role[], type: PicsItemType) {
  return (id: string, title: string, extra: Extra = {}): PicsItem => ({ id, versions: v2, sides, group, title, type, ...extra });
}

/** Sub-options of a "(at least one required)" / "(select all supported)" feature. */
function subOptions(make: (id: string, title: string, extra?: Extra) => PicsItem, parentId: string, parentTitle: string, variable: string | undefined, options: readonly string[], titleOf: (o: string) => string): PicsItem[] {
  return [
    make(parentId, parentTitle, { derived: 'subOptions', ...(variable ? { variable } : {}) }),
    ...options.map((o, i) => make(`${parentId}.${i + 1}`, titleOf(o), { parent: parentId })),
  ];
}

const core = v2item('Core', cs, 'boolean');
const coreBoth = v2item('Core', both, 'boolean');
const coreCsms = v2item('Core', csms, 'boolean');
const coreList = v2item('Core', cs, 'string[]');

const txStart = ['EVConnected', 'Authorized', 'DataSigned', 'PowerPathClosed', 'EnergyTransfer', 'ParkingBayOccupancy'];
const txStop = ['EVConnected', 'Authorized', 'PowerPathClosed', 'EnergyTransfer', 'ParkingBayOccupancy'];
const triggers = ['MeterValues', 'TransactionEvent', 'LogStatusNotification', 'FirmwareStatusNotification', 'StatusNotification'];
const measurandVariables = ['SampledTxStartedMeasurands', 'SampledTxUpdatedMeasurands', 'SampledTxEndedMeasurands', 'AlignedDataMeasurands', 'AlignedDataTxEndedMeasurands'];

/** OCPP 2.0.1 Part 5 §3.1 / §3.2, Appendix A and B. */
const items201: PicsItem[] = [
  // Core — charging station (Table 2) and CSMS (Table 3)
  core('C-01', 'can authorize transactions while offline (through a local list, the cache or C-02)'),
  core('C-02', 'can start a transaction offline for an idToken it does not know', { variable: 'OfflineTxForUnknownIdEnabled' }),
  core('C-03', 'can limit the energy delivered to an idToken found invalid afterwards', { variable: 'MaxEnergyOnInvalidId' }),
  core('C-04', 'can hold back StatusNotifications for short-lived states', { variable: 'MinimumStatusDuration' }),
  ...subOptions(core, 'C-06', 'supports at least one behaviour after an EV-side cable disconnect', 'StopTxOnEVSideDisconnect', ['keeps', 'ends'], (o) =>
    o === 'keeps' ? 'keeps the authorization when the cable is disconnected on the EV side' : 'ends the authorization when the cable is disconnected on the EV side',
  ),
  core('C-07', 'has a user interface and supports a Master Pass', { variable: 'MasterPassGroupId' }),
  core('C-08', 'has no user interface and supports a Master Pass', { variable: 'MasterPassGroupId' }),
  ...subOptions(core, 'C-09', 'supports at least one transaction start point', 'TxStartPoint', txStart, (o) => `can start transactions at TxStartPoint ${o}`),
  ...subOptions(core, 'C-10', 'supports at least one transaction stop point', 'TxStopPoint', txStop, (o) => `can stop transactions at TxStopPoint ${o}`),
  coreCsms('C-11', 'can unlock the connector of a station with a detachable cable (UnlockConnector)'),
  ...subOptions(core, 'C-12', 'supports at least one unlock behaviour after an EV-side cable disconnect', 'UnlockOnEVSideDisconnect', ['unlocks', 'keeps'], (o) =>
    o === 'unlocks' ? 'unlocks the connector when the cable is disconnected on the EV side' : 'keeps the connector locked when the cable is disconnected on the EV side',
  ),
  coreBoth('C-13', 'supports Reset of a single EVSE', { variable: 'AllowReset' }),
  coreBoth('C-14', 'supports getting and clearing CustomerInformation by customerIdentifier'),
  coreCsms('C-15', 'supports scheduled firmware updates (retrieveDateTime / installDateTime in the future)'),
  coreCsms('C-16', 'uses GetTransactionStatus to check a transaction'),
  coreCsms('C-17', 'can request the ConfigurationInventory base report'),
  core('C-20', 'allows new sessions while a firmware update is pending', { variable: 'AllowNewSessionsPendingFirmwareUpdate' }),
  core('C-21', 'can queue all messages (not only transaction messages) while offline', { variable: 'QueueAllMessages' }),
  coreList('C-23', 'time sources the station supports (Heartbeat, NTP, GPS, RealTimeClock, MobileNetwork, RadioTimeTransmitter)', {
    variable: 'TimeSource',
    initial: ['Heartbeat'],
    note: 'Part 5 requires at least Heartbeat.',
  }),
  core('C-25', 'supports setting a time offset', { variable: 'TimeOffset' }),
  core('C-26', 'supports setting a time zone', { variable: 'TimeZone' }),
  core('C-28', 'can switch clock-aligned meter values on or off while idle', { variable: 'AlignedDataSendDuringIdle' }),
  ...subOptions(coreBoth, 'C-29', 'supports TriggerMessage for at least one message', undefined, triggers, (o) => `supports TriggerMessage for ${o}`),
  core('C-29.6', 'supports TriggerMessage for BootNotification', { parent: 'C-29' }),
  // Authorization options for local start
  coreBoth('C-30', 'supports local start authorization with an ISO 14443 RFID card', { required: csms }),
  coreBoth('C-31', 'supports local start authorization with an ISO 15693 RFID card', { required: csms }),
  coreBoth('C-32', 'supports local start authorization with a key code'),
  coreBoth('C-33', 'supports local start authorization with a locally generated id'),
  coreBoth('C-34', 'supports local start authorization with a MAC address'),
  coreBoth('C-35', 'supports local start without authorization (NoAuthorization)', { required: csms }),
  // Authorization options for remote start (Part 5: at least one)
  coreBoth('C-36', 'supports remote start with an ISO 14443 RFID idToken', { required: csms }),
  coreBoth('C-37', 'supports remote start with an ISO 15693 RFID idToken', { required: csms }),
  coreBoth('C-38', 'supports remote start with an id generated centrally (by the CSMS or another server)'),
  coreBoth('C-39', 'supports remote start without authorization (NoAuthorization)'),
  core('C-40', 'reports configurable meter value measurands', { derived: 'subOptions' }),
  ...measurandVariables.map((variable, i) =>
    coreList(`C-40.${i + 1}`, `measurands the station can report in ${variable} (e.g. Energy.Active.Import.Register)`, { variable, parent: 'C-40' }),
  ),
  coreList('C-41', 'TLS cipher suites the station supports', {
    note: 'Part 5: at least TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 and TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, or TLS_RSA_WITH_AES_128_GCM_SHA256 and TLS_RSA_WITH_AES_256_GCM_SHA384.',
  }),
  core('C-42', 'supports signed meter values', { variable: 'SampledDataSignReadings' }),
  core('C-43', 'can install firmware while transactions are ongoing'),
  coreCsms('C-44', 'can answer a BootNotification with Pending before Accepted'),
  coreCsms('C-45', 'sends GetVariablesRequest with more than one element'),
  coreCsms('C-46', 'sends SetVariablesRequest with more than one element'),
  core('C-47', 'falls back to the default reconnection mechanism after a failed NetworkConnectionProfile'),
  ...subOptions(core, 'C-48', 'supports at least one way of handling authorization of a remote start', 'AuthorizeRemoteStart', ['authorizes', 'skips'], (o) =>
    o === 'authorizes' ? 'authorizes the idToken of a remote start before starting' : 'starts a remote start without authorizing the idToken',
  ),
  core('C-49', 'has an authorization cache', { variable: 'AuthCacheEnabled' }),
  ...subOptions(coreCsms, 'C-50', 'requests the FullInventory base report', undefined, ['onboarding', 'manual'], (o) =>
    o === 'onboarding' ? 'requests the FullInventory base report while onboarding a station' : 'requests the FullInventory base report on a manual trigger',
  ),
  core('C-51', 'lets TxStartPoint be configured'),
  core('C-52', 'lets TxStopPoint be configured'),
  core('C-53', 'supports a lifetime for cached tokens', { variable: 'AuthCacheLifeTime' }),
  coreList('C-54', 'policies for replacing cached entries (e.g. LRU, LFU, FIFO, CUSTOM)', { variable: 'AuthCachePolicy', note: 'Part 5: at least one.' }),
  core('C-56', 'can provide the SummaryInventory base report'),
  core('C-57', 'can cancel an ongoing log file upload'),
  core('C-58', 'can disable remote authorization', { variable: 'DisableRemoteAuthorization' }),
  core('C-59', 'can skip remote authorization for idTokens cached as invalid', { variable: 'AuthCacheDisablePostAuthorize' }),
  core('C-60', 'can cancel an ongoing firmware update'),

  // Advanced Security
  v2item('Advanced Security', cs, 'boolean')('AS-2', 'implements the additional root certificate check', { variable: 'AdditionalRootCertificateCheck' }),
  v2item('Advanced Security', cs, 'boolean')('AS-3', 'retries a CertificateSignedRequest after a timeout', { variable: 'CertSigningWaitMinimum, CertSigningRepeatTimes' }),

  // Smart Charging
  ...subOptions(v2item('Smart Charging', cs, 'boolean'), 'SC-2', 'supports at least one charging rate unit', 'ChargingScheduleChargingRateUnit', ['A', 'W'], (o) =>
    `accepts charging schedules in ${o === 'A' ? 'amperes (A)' : 'watts (W)'}`,
  ),
  v2item('Smart Charging', csms, 'boolean')('SC-4', 'sets a TxDefaultProfile on EVSE id 0'),

  // Reservation
  v2item('Reservation', csms, 'boolean')('R-1', 'reserves by connector type'),
  v2item('Reservation', both, 'boolean')('R-2', 'supports reserving an unspecified EVSE', { variable: 'ReservationNonEvseSpecific' }),
  v2item('Reservation', cs, 'boolean')('R-3', 'lets reservations be switched off', { variable: 'ReservationEnabled' }),

  // Advanced Device Management
  v2item('Advanced Device Management', cs, 'boolean')('DM-3', 'queues NotifyEventRequests of chosen severities while offline', { variable: 'OfflineMonitoringEventQueuingSeverity' }),

  // ISO 15118 Support
  // Part 5 conditions that name the profile itself ("HFS-4 OR ISO15118 support", TC_E_54): true when it is claimed.
  v2item('ISO 15118 Support', both, 'boolean')('CP-ISO15118Support', 'claims the ISO 15118 Support certification profile', { derived: 'certificationProfiles', profile: 'ISO 15118 Support' }),
  v2item('ISO 15118 Support', both, 'boolean')('ISO-3', 'uses one combined station certificate for OCPP and ISO 15118'),
  v2item('ISO 15118 Support', both, 'boolean')('ISO-4', 'supports getting and clearing CustomerInformation by customer certificate'),
  v2item('ISO 15118 Support', cs, 'boolean')('ISO-5', 'can pass a contract certificate it cannot validate itself to the CSMS', { variable: 'CentralContractValidationAllowed' }),

  // Local Authorization List Management
  v2item('Local Authorization List Management', cs, 'boolean')('LA-1', 'has a local authorization list', { variable: 'LocalAuthListEnabled' }),
  v2item('Local Authorization List Management', csms, 'boolean')('LA-2', 'uses GetLocalListVersion'),
  v2item('Local Authorization List Management', cs, 'boolean')('LA-3', 'can skip remote authorization for idTokens invalid in the local list', { variable: 'LocalAuthListDisablePostAuthorize' }),

  // Advanced User Interface
  ...subOptions(v2item('Advanced User Interface', cs, 'boolean'), 'UI-1', 'supports at least one display message priority', 'DisplayMessageSupportedPriorities', ['AlwaysFront', 'InFront', 'NormalCycle'], (o) => `supports display message priority ${o}`),
  ...subOptions(v2item('Advanced User Interface', cs, 'boolean'), 'UI-2', 'supports at least one display message format', 'DisplayMessageSupportedFormats', ['ASCII', 'HTML', 'URI', 'UTF8'], (o) => `supports display message format ${o}`),

  // Appendix A: additional questions — charging station
  ...(
    [
      ['AQ-1', 'allows its last CSMSRootCertificate to be removed'],
      ['AQ-2', 'has a cable lock that keeps the EV driver from connecting before authorization'],
      ['AQ-3', 'allows its last ChargingStationCertificate to be removed by means other than OCPP'],
      ['AQ-4', 'has at least one NumberOfPhases value it does not support'],
      ['AQ-5', 'has at least one hardwired monitor'],
      ['AQ-6', 'has a pre-configured monitor'],
      ['AQ-7', 'can download firmware while a transaction is ongoing'],
      ['AQ-8', 'makes the driver select an EVSE (by design) before authorization'],
      ['AQ-9', 'can charge an EV using IEC 61851-1 (Mode 3)'],
    ] as const
  ).map(([id, title]) =>
    v2item('Additional questions', cs, 'boolean')(id, title, id === 'AQ-5' || id === 'AQ-6' ? { note: 'Name the monitor to use in the config file under extra.' } : {}),
  ),
  // Appendix A: additional questions — CSMS (same ids, other questions)
  v2item('Additional questions', csms, 'boolean')('AQ-1', 'can be configured to answer the first BootNotificationRequest with Pending or Rejected'),
  v2item('Additional questions', csms, 'boolean')('AQ-2', 'requests a FullInventory during the onboarding / booting cases'),
  v2item('Additional questions', csms, 'boolean')('AQ-6', 'rejects unknown charging stations while the WebSocket connection is set up'),

  // Appendix B: hardware features
  ...(
    [
      ['HFS-1', 'has a detachable cable'],
      ['HFS-2', 'has a fixed cable'],
      ['HFS-3', 'supports AC charging'],
      ['HFS-4', 'supports DC charging'],
      ['HFS-5', 'supports 1-phase charging'],
      ['HFS-6', 'supports 2-phase charging'],
      ['HFS-7', 'supports 3-phase charging'],
    ] as const
  ).map(([id, title]) => v2item('Hardware features', cs, 'boolean')(id, title)),
  v2item('Hardware features', cs, 'number')('HFS-8', 'number of EVSEs of the charging station', { initial: 1 }),
  v2item('Hardware features', cs, 'string')('HFS-9', 'communication technology (e.g. Ethernet, Wi-Fi, 4G)'),
  v2item('Hardware features', cs, 'string[]')('HFS-10', 'RFID reader types (e.g. ISO14443, ISO15693)'),
];

/** OCPP 1.6 feature profiles (OCPP 1.6 §3 "Feature Profiles"), in the order the spec lists them. */
const featureProfiles16 = ['Core', 'Firmware Management', 'Local Auth List Management', 'Reservation', 'Smart Charging', 'Remote Trigger'] as const;

function item16(group: string, sides: readonly Role[], type: PicsItemType) {
  return (id: string, title: string, extra: Extra = {}): PicsItem => ({ id, versions: v16, sides, group, title, type, ...extra });
}

const items16: PicsItem[] = [
  ...featureProfiles16.map((profile) =>
    item16('Feature profiles', both, 'boolean')(`FP-${profile.replace(/ /g, '')}`, `implements the ${profile} feature profile`, { derived: 'certificationProfiles', profile }),
  ),
  item16('Security Whitepaper', both, 'boolean')('SEC-CertificateManagement', 'implements certificate management (SignCertificate, CertificateSigned, InstallCertificate, GetInstalledCertificateIds, DeleteCertificate)'),
  item16('Security Whitepaper', both, 'boolean')('SEC-SecurityLog', 'implements security event logging (SecurityEventNotification, GetLog with SecurityLog)'),
  item16('Security Whitepaper', both, 'boolean')('SEC-SignedFirmwareUpdate', 'implements signed firmware update (SignedUpdateFirmware, SignedFirmwareStatusNotification)'),
  item16('Hardware', cs, 'boolean')('HW-FixedCable', 'has a fixed (tethered) cable rather than a socket'),
  item16('Configuration keys', both, 'boolean')('CFG-ReserveConnectorZeroSupported', 'supports reserving the whole charge point (connectorId 0)', { variable: 'ReserveConnectorZeroSupported' }),
  item16('Configuration keys', cs, 'boolean')('CFG-AuthorizationCacheEnabled', 'has an authorization cache', { variable: 'AuthorizationCacheEnabled' }),
  item16('Configuration keys', cs, 'boolean')('CFG-LocalAuthorizeOffline', 'can authorize idTags locally while offline', { variable: 'LocalAuthorizeOffline' }),
  // Prerequisites of the OCTT 1.6 document (FINAL 2024-04) that a case can only state, not bring about.
  item16('Hardware', cs, 'boolean')('HW-BackupPower', 'has a back-up power source, so it stops transactions before going down (OCTT 1.6 TC_032_1_CS)'),
  item16('Hardware', cs, 'boolean')('HW-SharedRfidReader', 'has several connectors behind one RFID reader (OCTT 1.6 TC_068_CS / TC_069_CS: the other connector is occupied)'),
  item16('Hardware', cs, 'boolean')('HW-LocalStop', 'lets a driver stop a transaction locally (OCTT 1.6 prerequisite "supports local stop transaction")', { initial: true }),
  item16('Configuration keys', cs, 'boolean')('CFG-AuthorizeRemoteTxRequestsSettable', 'AuthorizeRemoteTxRequests is not ReadOnly with value false (OCTT 1.6 TC_007_CS prerequisite)', { variable: 'AuthorizeRemoteTxRequests', initial: true }),
  item16('Configuration keys', cs, 'boolean')('CFG-StopTransactionOnEVSideDisconnectSettable', 'StopTransactionOnEVSideDisconnect is not ReadOnly with value false (OCTT 1.6 TC_005_x_CS prerequisite)', { variable: 'StopTransactionOnEVSideDisconnect', initial: true }),
];

const securityProfileItem: PicsItem = {
  id: 'SecurityProfile',
  versions: ['1.6', '2.0.1', '2.1'],
  sides: both,
  group: 'Security',
  title: 'security profile under test (0 to 3), copied from securityProfile',
  type: 'number',
  derived: 'securityProfile',
};

/** Every known PICS item of every version. */
export const picsItems: readonly PicsItem[] = [securityProfileItem, ...items16, ...items201];

/** Certification profiles a PICS may claim, per version (2.0.1 Part 5 Table 1; 1.6 feature profiles). */
export const certificationProfiles: Readonly<Record<OcppVersion, readonly string[]>> = {
  '1.6': featureProfiles16,
  '2.0.1': ['Core', 'Advanced Security', 'Local Authorization List Management', 'Smart Charging', 'Advanced Device Management', 'Advanced User Interface', 'Reservation', 'ISO 15118 Support'],
  '2.1': ['Core', 'Advanced Security', 'Local Authorization List Management', 'Smart Charging', 'Advanced Device Management', 'Advanced User Interface', 'Reservation', 'ISO 15118 Support'],
};

/** The items a PICS for this version and SUT side asks about, in table order. */
export function picsItemsFor(version: OcppVersion, sut: Role): PicsItem[] {
  return picsItems.filter((i) => i.versions.includes(version) && i.sides.includes(sut));
}

/** Every id known for a version, whatever the side (cases of one side may name the other side's items). */
export function knownPicsIds(version: OcppVersion): Set<string> {
  return new Set(picsItems.filter((i) => i.versions.includes(version)).map((i) => i.id));
}

/** The item an id means for this version and side; the other side's meaning if only that exists. */
export function findPicsItem(id: string, version: OcppVersion, sut: Role): PicsItem | undefined {
  const ofVersion = picsItems.filter((i) => i.id === id && i.versions.includes(version));
  return ofVersion.find((i) => i.sides.includes(sut)) ?? ofVersion[0];
}

/** Whether `value` has the item's declared type. */
export function hasPicsType(item: PicsItem, value: PicsValue): boolean {
  switch (item.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}
