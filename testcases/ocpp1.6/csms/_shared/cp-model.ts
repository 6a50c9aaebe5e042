/**
 * What the harness's OCPP 1.6 Charge Point (SUT = Central System) remembers between steps, states
 * and cases: the connection the Central System accepted, the connector statuses, the open
 * transaction, the energy register and its configuration keys (OCPP 1.6 §9.1 Core profile).
 *
 * One model per run: it is keyed by the run's configured values (one object per run), so runs in
 * the same process (the proof test runs several demos at once) never see each other's station.
 */
import type { ConfiguredValues, OcppEndpoint, TestContext } from '../../../../src/engine/authoring.js';

/** OCPP 1.6 §7.7 ChargePointStatus. */
export type ConnectorStatus16 = 'Available' | 'Preparing' | 'Charging' | 'SuspendedEVSE' | 'SuspendedEV' | 'Finishing' | 'Reserved' | 'Unavailable' | 'Faulted';

/** OCPP 1.6 §7.36 Reason (StopTransaction.req). */
export type StopReason16 = 'EmergencyStop' | 'EVDisconnected' | 'HardReset' | 'Local' | 'Other' | 'PowerLoss' | 'Reboot' | 'Remote' | 'SoftReset' | 'UnlockCommand' | 'DeAuthorized';

export interface Transaction16 {
  /** As assigned by the Central System in StartTransaction.conf. */
  transactionId: number;
  connectorId: number;
  idTag: string;
  meterStartWh: number;
}

export interface ConfigurationKey16 {
  value: string;
  readonly: boolean;
}

export interface ChargePointModel {
  /** The connection on which the Central System accepted our BootNotification (or that resumed it). */
  bootedOn: OcppEndpoint | undefined;
  /** Last status we reported per connector (0 = the Charge Point as a whole). */
  status: Map<number, ConnectorStatus16>;
  /** The idTag the Central System last accepted in Authorize.conf, until a transaction uses it. */
  authorizedIdTag: string | undefined;
  transaction: Transaction16 | undefined;
  /** The energy register, Wh. */
  meterWh: number;
  configuration: Map<string, ConfigurationKey16>;
}

const models = new WeakMap<ConfiguredValues, ChargePointModel>();

/** The harness's charge point for this run. */
export function chargePoint(ctx: TestContext): ChargePointModel {
  let model = models.get(ctx.config);
  if (model === undefined) {
    model = { bootedOn: undefined, status: new Map(), authorizedIdTag: undefined, transaction: undefined, meterWh: 0, configuration: defaultConfiguration(ctx.config) };
    models.set(ctx.config, model);
  }
  return model;
}

/** The connector ids of the Charge Point: 1 … numberOfEvses (1.6: connectors). */
export function connectorIds(ctx: TestContext): number[] {
  return Array.from({ length: Math.max(1, ctx.config.numberOfEvses) }, (_, i) => i + 1);
}

/** A connector id the Charge Point does not have (TC_031_CSMS "unknown connectorId"). */
export function unknownConnectorId(ctx: TestContext): number {
  return Math.max(1, ctx.config.numberOfEvses) + 1;
}

/**
 * The ConnectionTimeOut of the harness's Charge Point in seconds (OCPP 1.6 §9.1.6): how long a
 * connector waits for the cable after an authorization before it is Available again. The OCTT
 * "configured connectionTimeOut" is the tool's own value; `extra.connectionTimeOutS` sets it,
 * default 1 s (the harness plays the Charge Point; nothing of the Central System is timed here).
 */
export function connectionTimeOutS(config: ConfiguredValues): number {
  const given = config.extra['connectionTimeOutS'];
  return typeof given === 'number' && Number.isInteger(given) && given >= 0 ? given : 1;
}

/**
 * The Core profile configuration keys (OCPP 1.6 §9.1) a real Charge Point reports, with values
 * that fit the run. Read-only flags as in the specification's accessibility column.
 */
export function defaultConfiguration(config: ConfiguredValues): Map<string, ConfigurationKey16> {
  const rw = (value: string): ConfigurationKey16 => ({ value, readonly: false });
  const r = (value: string): ConfigurationKey16 => ({ value, readonly: true });
  const measurands = 'Energy.Active.Import.Register';
  return new Map<string, ConfigurationKey16>([
    ['AuthorizeRemoteTxRequests', rw('true')],
    ['ClockAlignedDataInterval', rw('0')],
    ['ConnectionTimeOut', rw(String(connectionTimeOutS(config)))],
    ['ConnectorPhaseRotation', rw(['0.RST', ...Array.from({ length: Math.max(1, config.numberOfEvses) }, (_, i) => `${i + 1}.RST`)].join(','))],
    ['GetConfigurationMaxKeys', r('50')],
    ['HeartbeatInterval', rw(String(config.heartbeatIntervalS))],
    ['LocalAuthorizeOffline', rw('true')],
    ['LocalPreAuthorize', rw('false')],
    // 0: no sampled meter values until a Central System sets an interval (TC_021_CSMS sets 60).
    ['MeterValueSampleInterval', rw('0')],
    ['MeterValuesAlignedData', rw(measurands)],
    ['MeterValuesSampledData', rw(measurands)],
    ['NumberOfConnectors', r(String(Math.max(1, config.numberOfEvses)))],
    ['ResetRetries', rw('1')],
    ['StopTransactionOnEVSideDisconnect', rw('true')],
    ['StopTransactionOnInvalidId', rw('true')],
    ['StopTxnAlignedData', rw(measurands)],
    ['StopTxnSampledData', rw(measurands)],
    ['SupportedFeatureProfiles', r('Core')],
    ['SupportedFileTransferProtocols', r('FTP')],
    ['TransactionMessageAttempts', rw('3')],
    ['TransactionMessageRetryInterval', rw('20')],
    ['UnlockConnectorOnEVSideDisconnect', rw('true')],
  ]);
}
