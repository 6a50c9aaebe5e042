/**
 * How the harness answers a CSMS by default when it plays the charging station (SUT = CSMS): every
 * CALL the version defines for a station gets the answer a compliant station with no special
 * features gives (issue #11: "not supported by the harness here" made one CSMS stall 30 s and
 * three cases fail). GetVariables / SetVariables (2.0.1) and GetConfiguration /
 * ChangeConfiguration (1.6) work on a small device model or key table that remembers writes;
 * GetChargingProfiles says NoProfiles; TriggerMessage is Accepted and the triggered message is
 * sent. Cases override single actions with ctx.respond; `config.extra.stationReplies`
 * ({ "Action": payload }) overrides a default reply for a whole run.
 */
import type { JsonObject } from '../../protocol/frames.js';
import type { OcppVersion } from '../../protocol/versions.js';
import type { CallHandler, InboundCall, OcppEndpoint } from '../../session/endpoint.js';
import type { ConfiguredValues } from '../configured-values.js';
import type { Responders } from '../responders.js';

const nowIso = (): string => new Date().toISOString();
const obj = (v: unknown): JsonObject | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined);
const list = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.map(obj).filter((x): x is JsonObject => x !== undefined) : []);

/** 2.0.1 device model of the harness-as-station: "Component.Variable" → [value, mutability]. */
function deviceModel201(config: ConfiguredValues): Map<string, { value: string; readOnly: boolean }> {
  const rw = (value: string) => ({ value, readOnly: false });
  const ro = (value: string) => ({ value, readOnly: true });
  return new Map(
    Object.entries({
      'OCPPCommCtrlr.HeartbeatInterval': rw(String(config.heartbeatIntervalS)),
      'OCPPCommCtrlr.MessageTimeout': rw(String(Math.round(config.messageTimeoutMs / 1000))),
      'OCPPCommCtrlr.NetworkConfigurationPriority': rw('1'),
      'OCPPCommCtrlr.OfflineThreshold': rw('60'),
      'OCPPCommCtrlr.ResetRetries': rw('1'),
      'AuthCtrlr.Enabled': rw('true'),
      'AuthCtrlr.AuthorizeRemoteStart': rw('false'),
      'AuthCtrlr.LocalAuthorizeOffline': rw('true'),
      'AuthCtrlr.LocalPreAuthorize': rw('false'),
      'AuthCacheCtrlr.Enabled': rw('false'),
      'LocalAuthListCtrlr.Enabled': rw('false'),
      'TxCtrlr.TxStartPoint': rw('PowerPathClosed'),
      'TxCtrlr.TxStopPoint': rw('EVConnected,Authorized'),
      'TxCtrlr.EVConnectionTimeOut': rw('60'),
      'TxCtrlr.StopTxOnEVSideDisconnect': ro('true'),
      'TxCtrlr.StopTxOnInvalidId': rw('true'),
      'SampledDataCtrlr.TxUpdatedInterval': rw('0'),
      'SampledDataCtrlr.TxUpdatedMeasurands': rw('Energy.Active.Import.Register'),
      'AlignedDataCtrlr.Interval': rw('0'),
      'AlignedDataCtrlr.Measurands': rw('Energy.Active.Import.Register'),
      'ReservationCtrlr.Enabled': ro('false'),
      'SmartChargingCtrlr.Enabled': ro('false'),
      'SecurityCtrlr.SecurityProfile': ro(String(config.securityProfile)),
      'SecurityCtrlr.Identity': ro(config.stationId),
      'DeviceDataCtrlr.ItemsPerMessage': ro('20'),
      'DeviceDataCtrlr.BytesPerMessage': ro('8000'),
    }),
  );
}

/** 1.6 configuration keys (OCPP 1.6 §9.1 Core profile) of the harness-as-station. */
function keys16(config: ConfiguredValues): Map<string, { value: string; readOnly: boolean }> {
  const rw = (value: string) => ({ value, readOnly: false });
  const ro = (value: string) => ({ value, readOnly: true });
  return new Map(
    Object.entries({
      HeartbeatInterval: rw(String(config.heartbeatIntervalS)),
      ConnectionTimeOut: rw('60'),
      MeterValueSampleInterval: rw('0'),
      MeterValuesSampledData: rw('Energy.Active.Import.Register'),
      ClockAlignedDataInterval: rw('0'),
      MeterValuesAlignedData: rw('Energy.Active.Import.Register'),
      NumberOfConnectors: ro(String(config.numberOfEvses)),
      AuthorizeRemoteTxRequests: rw('false'),
      LocalAuthorizeOffline: rw('true'),
      LocalPreAuthorize: rw('false'),
      StopTransactionOnInvalidId: rw('true'),
      StopTransactionOnEVSideDisconnect: rw('true'),
      TransactionMessageAttempts: rw('3'),
      TransactionMessageRetryInterval: rw('60'),
      UnlockConnectorOnEVSideDisconnect: rw('true'),
      ResetRetries: rw('1'),
      GetConfigurationMaxKeys: ro('50'),
      SupportedFeatureProfiles: ro('Core'),
      ConnectorPhaseRotation: rw('NotApplicable'),
      StopTxnSampledData: rw('Energy.Active.Import.Register'),
      StopTxnAlignedData: rw(''),
    }),
  );
}

/** The message a TriggerMessage asks for, as the harness-as-station sends it. */
function triggered(version: OcppVersion, requested: string, config: ConfiguredValues): { action: string; payload: JsonObject } | undefined {
  const v201 = version !== '1.6';
  switch (requested) {
    case 'BootNotification':
      return v201
        ? { action: 'BootNotification', payload: { reason: 'Triggered', chargingStation: { model: 'ocpp-conform', vendorName: 'ocpp-conform' } } }
        : { action: 'BootNotification', payload: { chargePointModel: 'ocpp-conform', chargePointVendor: 'ocpp-conform' } };
    case 'Heartbeat':
      return { action: 'Heartbeat', payload: {} };
    case 'StatusNotification':
      return v201
        ? { action: 'StatusNotification', payload: { timestamp: nowIso(), connectorStatus: 'Available', evseId: config.evseId, connectorId: config.connectorId } }
        : { action: 'StatusNotification', payload: { connectorId: config.connectorId, errorCode: 'NoError', status: 'Available', timestamp: nowIso() } };
    case 'MeterValues': {
      const sampledValue = [{ value: 0, measurand: 'Energy.Active.Import.Register' }];
      return v201
        ? { action: 'MeterValues', payload: { evseId: config.evseId, meterValue: [{ timestamp: nowIso(), sampledValue }] } }
        : { action: 'MeterValues', payload: { connectorId: config.connectorId, meterValue: [{ timestamp: nowIso(), sampledValue: [{ value: '0', measurand: 'Energy.Active.Import.Register' }] }] } };
    }
    case 'FirmwareStatusNotification':
      return { action: 'FirmwareStatusNotification', payload: { status: 'Idle' } };
    case 'DiagnosticsStatusNotification':
      return { action: 'DiagnosticsStatusNotification', payload: { status: 'Idle' } };
    case 'LogStatusNotification':
      return { action: 'LogStatusNotification', payload: { status: 'Idle' } };
    default:
      return undefined;
  }
}

export function installStationDefaults(responders: Responders, version: OcppVersion, config: ConfiguredValues, peer: () => OcppEndpoint | undefined): void {
  const set = (action: string, handler: CallHandler): void => void responders.setDefault(action, handler);
  const status = (s: string) => (): JsonObject => ({ status: s });
  const sendAfter = (call: InboundCall, message: { action: string; payload: JsonObject } | undefined): void => {
    if (!message) return;
    call.after(async () => {
      await peer()?.call(message.action, message.payload, { timeoutMs: config.messageTimeoutMs }).catch(() => undefined);
    });
  };
  if (version === '1.6') install16(set, status, sendAfter, config);
  else install201(set, status, sendAfter, config, version);
  // A run-wide fixed reply per action (config file `extra.stationReplies`).
  const replies = obj(config.extra['stationReplies']);
  for (const [action, payload] of Object.entries(replies ?? {})) {
    const fixed = obj(payload);
    if (fixed) set(action, () => ({ ...fixed }));
  }
}

type Set = (action: string, handler: CallHandler) => void;
type SendAfter = (call: InboundCall, message: { action: string; payload: JsonObject } | undefined) => void;

function install201(set: Set, status: (s: string) => () => JsonObject, sendAfter: SendAfter, config: ConfiguredValues, version: OcppVersion): void {
  const model = deviceModel201(config);
  const keyOf = (d: JsonObject): string => `${String(obj(d['component'])?.['name'])}.${String(obj(d['variable'])?.['name'])}`;
  let nextRequestId = 1;
  set('GetVariables', (c) => ({
    getVariableResult: list(c.payload['getVariableData']).map((d) => {
      const hit = model.get(keyOf(d));
      const known = [...model.keys()].some((k) => k.startsWith(`${String(obj(d['component'])?.['name'])}.`));
      return { component: d['component'] ?? {}, variable: d['variable'] ?? {}, attributeType: d['attributeType'] ?? 'Actual', ...(hit ? { attributeStatus: 'Accepted', attributeValue: hit.value } : { attributeStatus: known ? 'UnknownVariable' : 'UnknownComponent' }) };
    }),
  }));
  set('SetVariables', (c) => ({
    setVariableResult: list(c.payload['setVariableData']).map((d) => {
      const key = keyOf(d);
      const hit = model.get(key);
      const attributeStatus = hit === undefined ? ([...model.keys()].some((k) => k.startsWith(`${String(obj(d['component'])?.['name'])}.`)) ? 'UnknownVariable' : 'UnknownComponent') : hit.readOnly ? 'Rejected' : 'Accepted';
      if (hit && !hit.readOnly) model.set(key, { value: typeof d['attributeValue'] === 'string' ? d['attributeValue'] : '', readOnly: false });
      return { component: d['component'] ?? {}, variable: d['variable'] ?? {}, attributeType: d['attributeType'] ?? 'Actual', attributeStatus };
    }),
  }));
  // The report itself (NotifyReport) follows the acceptance, in one part.
  const report = (c: InboundCall): JsonObject => {
    const requestId = typeof c.payload['requestId'] === 'number' ? c.payload['requestId'] : nextRequestId++;
    sendAfter(c, {
      action: 'NotifyReport',
      payload: {
        requestId,
        generatedAt: nowIso(),
        seqNo: 0,
        tbc: false,
        reportData: [...model.entries()].map(([k, v]) => {
          const [component, variable] = k.split('.');
          return { component: { name: component ?? '' }, variable: { name: variable ?? '' }, variableAttribute: [{ type: 'Actual', value: v.value, mutability: v.readOnly ? 'ReadOnly' : 'ReadWrite' }] };
        }),
      },
    });
    return { status: 'Accepted' };
  };
  set('GetBaseReport', report);
  set('GetReport', report);
  set('GetChargingProfiles', status('NoProfiles'));
  set('SetChargingProfile', status('Rejected'));
  set('ClearChargingProfile', status('Unknown'));
  set('GetCompositeSchedule', status('Rejected'));
  set('ChangeAvailability', status('Accepted'));
  set('ClearCache', status('Accepted'));
  set('Reset', status('Accepted'));
  set('UnlockConnector', status('Unlocked'));
  set('RequestStartTransaction', status('Rejected'));
  set('RequestStopTransaction', status('Rejected'));
  set('GetTransactionStatus', () => ({ messagesInQueue: false }));
  set('ReserveNow', status('Rejected'));
  set('CancelReservation', status('Rejected'));
  set('GetLocalListVersion', () => ({ versionNumber: 0 }));
  set('SendLocalList', status('Accepted'));
  set('DataTransfer', status('UnknownVendorId'));
  set('GetDisplayMessages', status('Unknown'));
  set('SetDisplayMessage', status('NotSupportedMessageFormat'));
  set('ClearDisplayMessage', status('Unknown'));
  set('CostUpdated', () => ({}));
  set('CustomerInformation', status('Rejected'));
  set('GetLog', status('Rejected'));
  set('UpdateFirmware', status('Rejected'));
  set('PublishFirmware', status('Rejected'));
  set('UnpublishFirmware', status('NoFirmware'));
  set('GetInstalledCertificateIds', status('NotFound'));
  set('InstallCertificate', status('Rejected'));
  set('DeleteCertificate', status('NotFound'));
  set('CertificateSigned', status('Rejected'));
  set('SetNetworkProfile', status('Rejected'));
  set('GetMonitoringReport', status('EmptyResultSet'));
  set('SetMonitoringBase', status('Accepted'));
  set('SetMonitoringLevel', status('Accepted'));
  set('SetVariableMonitoring', (c) => ({
    setMonitoringResult: list(c.payload['setMonitoringData']).map((d) => ({ status: 'Rejected', type: d['type'] ?? 'Delta', severity: d['severity'] ?? 0, component: d['component'] ?? {}, variable: d['variable'] ?? {} })),
  }));
  set('ClearVariableMonitoring', (c) => ({ clearMonitoringResult: (Array.isArray(c.payload['id']) ? c.payload['id'] : []).map((id) => ({ status: 'NotFound', id: id as number })) }));
  set('TriggerMessage', (c) => {
    const message = triggered(version, String(c.payload['requestedMessage']), config);
    if (!message) return { status: 'NotImplemented' };
    sendAfter(c, message);
    return { status: 'Accepted' };
  });
}

function install16(set: Set, status: (s: string) => () => JsonObject, sendAfter: SendAfter, config: ConfiguredValues): void {
  const keys = keys16(config);
  set('GetConfiguration', (c) => {
    const asked = Array.isArray(c.payload['key']) ? c.payload['key'].map(String) : [];
    const names = asked.length === 0 ? [...keys.keys()] : asked;
    return {
      configurationKey: names.filter((k) => keys.has(k)).map((k) => ({ key: k, readonly: keys.get(k)?.readOnly ?? false, value: keys.get(k)?.value ?? '' })),
      ...(asked.some((k) => !keys.has(k)) ? { unknownKey: asked.filter((k) => !keys.has(k)) } : {}),
    };
  });
  set('ChangeConfiguration', (c) => {
    const key = String(c.payload['key']);
    const hit = keys.get(key);
    if (!hit) return { status: 'NotSupported' };
    if (hit.readOnly) return { status: 'Rejected' };
    keys.set(key, { value: typeof c.payload['value'] === 'string' ? c.payload['value'] : '', readOnly: false });
    return { status: 'Accepted' };
  });
  set('ChangeAvailability', status('Accepted'));
  set('ClearCache', status('Accepted'));
  set('Reset', status('Accepted'));
  set('UnlockConnector', status('Unlocked'));
  set('RemoteStartTransaction', status('Rejected'));
  set('RemoteStopTransaction', status('Rejected'));
  set('ReserveNow', status('Rejected'));
  set('CancelReservation', status('Rejected'));
  set('GetLocalListVersion', () => ({ listVersion: 0 }));
  set('SendLocalList', status('NotSupported'));
  set('DataTransfer', status('UnknownVendorId'));
  set('SetChargingProfile', status('NotSupported'));
  set('ClearChargingProfile', status('Unknown'));
  set('GetCompositeSchedule', status('Rejected'));
  set('GetDiagnostics', () => ({}));
  set('UpdateFirmware', () => ({}));
  // Security whitepaper edition 3 messages.
  set('CertificateSigned', status('Rejected'));
  set('DeleteCertificate', status('NotFound'));
  set('GetInstalledCertificateIds', status('NotFound'));
  set('InstallCertificate', status('Rejected'));
  set('GetLog', status('Rejected'));
  set('SignedUpdateFirmware', status('Rejected'));
  const trigger = (field: string) => (c: InboundCall): JsonObject => {
    const message = triggered('1.6', String(c.payload[field]), config);
    if (!message) return { status: 'NotImplemented' };
    sendAfter(c, message);
    return { status: 'Accepted' };
  };
  set('TriggerMessage', trigger('requestedMessage'));
  set('ExtendedTriggerMessage', trigger('requestedMessage'));
}
