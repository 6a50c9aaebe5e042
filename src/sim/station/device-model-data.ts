/**
 * The OCPP 2.0.1 device model of the reference station, as data: components and variables named
 * as in Part 2 appendices (dm_components_vars), with data type, mutability, unit and default.
 * Per-EVSE / per-connector entries are generated from the station layout by `layoutVariables`.
 */

export type DataType = 'string' | 'decimal' | 'integer' | 'dateTime' | 'boolean' | 'OptionList' | 'SequenceList' | 'MemberList';
export type Mutability = 'ReadOnly' | 'WriteOnly' | 'ReadWrite';

export interface VariableSpec {
  component: string;
  componentInstance?: string;
  /** EVSE-scoped component (evse.id, evse.connectorId). */
  evse?: { id: number; connectorId?: number };
  variable: string;
  variableInstance?: string;
  dataType: DataType;
  mutability: Mutability;
  value: string;
  unit?: string;
  /** For OptionList / MemberList / SequenceList: the allowed values. */
  valuesList?: readonly string[];
  /** Changing it only takes effect after a reboot (SetVariables answers RebootRequired). */
  rebootRequired?: boolean;
  /** Integer minimum (inclusive). */
  min?: number;
}

const measurands = [
  'Energy.Active.Import.Register',
  'Power.Active.Import',
  'Current.Import',
  'Voltage',
  'SoC',
] as const;
const txPoints = ['ParkingBayOccupancy', 'EVConnected', 'Authorized', 'DataSigned', 'PowerPathClosed', 'EnergyTransfer'] as const;

const v = (spec: VariableSpec): VariableSpec => spec;

/** Station-wide variables (ChargingStation and the controller components). */
export const stationVariables: readonly VariableSpec[] = [
  // OCPPCommCtrlr (Part 2 §2.1; Part 4 §5.3 reconnect back-off)
  v({ component: 'OCPPCommCtrlr', variable: 'HeartbeatInterval', dataType: 'integer', mutability: 'ReadWrite', value: '60', unit: 's', min: 1 }),
  v({ component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', dataType: 'integer', mutability: 'ReadWrite', value: '60', unit: 's', min: 0 }),
  v({ component: 'OCPPCommCtrlr', variable: 'MessageTimeout', variableInstance: 'Default', dataType: 'integer', mutability: 'ReadOnly', value: '30', unit: 's' }),
  v({ component: 'OCPPCommCtrlr', variable: 'MessageAttempts', variableInstance: 'TransactionEvent', dataType: 'integer', mutability: 'ReadWrite', value: '3', min: 0 }),
  v({ component: 'OCPPCommCtrlr', variable: 'MessageAttemptInterval', variableInstance: 'TransactionEvent', dataType: 'integer', mutability: 'ReadWrite', value: '10', unit: 's', min: 0 }),
  v({ component: 'OCPPCommCtrlr', variable: 'RetryBackOffWaitMinimum', dataType: 'integer', mutability: 'ReadWrite', value: '10', unit: 's', min: 0 }),
  v({ component: 'OCPPCommCtrlr', variable: 'RetryBackOffRandomRange', dataType: 'integer', mutability: 'ReadWrite', value: '0', unit: 's', min: 0 }),
  v({ component: 'OCPPCommCtrlr', variable: 'RetryBackOffRepeatTimes', dataType: 'integer', mutability: 'ReadWrite', value: '3', min: 0 }),
  v({ component: 'OCPPCommCtrlr', variable: 'NetworkConfigurationPriority', dataType: 'SequenceList', mutability: 'ReadWrite', value: '0', valuesList: ['0', '1'] }),
  v({ component: 'OCPPCommCtrlr', variable: 'NetworkProfileConnectionAttempts', dataType: 'integer', mutability: 'ReadWrite', value: '3', min: 0 }),
  v({ component: 'OCPPCommCtrlr', variable: 'FileTransferProtocols', dataType: 'MemberList', mutability: 'ReadOnly', value: 'HTTPS', valuesList: ['FTP', 'FTPS', 'HTTP', 'HTTPS', 'SFTP'] }),
  v({ component: 'OCPPCommCtrlr', variable: 'ResetRetries', dataType: 'integer', mutability: 'ReadWrite', value: '1', min: 0 }),
  v({ component: 'OCPPCommCtrlr', variable: 'UnlockOnEVSideDisconnect', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
  v({ component: 'OCPPCommCtrlr', variable: 'WebSocketPingInterval', dataType: 'integer', mutability: 'ReadWrite', value: '0', unit: 's', min: 0 }),
  v({ component: 'OCPPCommCtrlr', variable: 'QueueAllMessages', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
  // TxCtrlr
  v({ component: 'TxCtrlr', variable: 'EVConnectionTimeOut', dataType: 'integer', mutability: 'ReadWrite', value: '60', unit: 's', min: 0 }),
  v({ component: 'TxCtrlr', variable: 'StopTxOnEVSideDisconnect', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
  v({ component: 'TxCtrlr', variable: 'StopTxOnInvalidId', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
  v({ component: 'TxCtrlr', variable: 'TxBeforeAcceptedEnabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
  v({ component: 'TxCtrlr', variable: 'TxStartPoint', dataType: 'MemberList', mutability: 'ReadWrite', value: 'PowerPathClosed', valuesList: txPoints }),
  v({ component: 'TxCtrlr', variable: 'TxStopPoint', dataType: 'MemberList', mutability: 'ReadWrite', value: 'EVConnected,Authorized', valuesList: txPoints }),
  v({ component: 'TxCtrlr', variable: 'MaxEnergyOnInvalidId', dataType: 'integer', mutability: 'ReadWrite', value: '0', unit: 'Wh', min: 0 }),
  // AuthCtrlr
  v({ component: 'AuthCtrlr', variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
  v({ component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
  v({ component: 'AuthCtrlr', variable: 'LocalAuthorizeOffline', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
  v({ component: 'AuthCtrlr', variable: 'LocalPreAuthorize', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
  v({ component: 'AuthCtrlr', variable: 'OfflineTxForUnknownIdEnabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
  v({ component: 'AuthCtrlr', variable: 'DisableRemoteAuthorization', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
  v({ component: 'AuthCtrlr', variable: 'MasterPassGroupId', dataType: 'string', mutability: 'ReadWrite', value: '' }),
  // AuthCacheCtrlr
  v({ component: 'AuthCacheCtrlr', variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
  v({ component: 'AuthCacheCtrlr', variable: 'Available', dataType: 'boolean', mutability: 'ReadOnly', value: 'true' }),
  v({ component: 'AuthCacheCtrlr', variable: 'LifeTime', dataType: 'integer', mutability: 'ReadWrite', value: '86400', unit: 's', min: 0 }),
  v({ component: 'AuthCacheCtrlr', variable: 'Storage', dataType: 'integer', mutability: 'ReadOnly', value: '100000', unit: 'B' }),
  // LocalAuthListCtrlr
  v({ component: 'LocalAuthListCtrlr', variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
  v({ component: 'LocalAuthListCtrlr', variable: 'Available', dataType: 'boolean', mutability: 'ReadOnly', value: 'true' }),
  v({ component: 'LocalAuthListCtrlr', variable: 'Entries', dataType: 'integer', mutability: 'ReadOnly', value: '0' }),
  v({ component: 'LocalAuthListCtrlr', variable: 'ItemsPerMessage', dataType: 'integer', mutability: 'ReadOnly', value: '100' }),
  v({ component: 'LocalAuthListCtrlr', variable: 'BytesPerMessage', dataType: 'integer', mutability: 'ReadOnly', value: '100000' }),
  v({ component: 'LocalAuthListCtrlr', variable: 'Storage', dataType: 'integer', mutability: 'ReadOnly', value: '100000', unit: 'B' }),
  // SampledDataCtrlr
  v({ component: 'SampledDataCtrlr', variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
  v({ component: 'SampledDataCtrlr', variable: 'TxUpdatedInterval', dataType: 'integer', mutability: 'ReadWrite', value: '0', unit: 's', min: 0 }),
  v({ component: 'SampledDataCtrlr', variable: 'TxUpdatedMeasurands', dataType: 'MemberList', mutability: 'ReadWrite', value: 'Energy.Active.Import.Register', valuesList: measurands }),
  v({ component: 'SampledDataCtrlr', variable: 'TxStartedMeasurands', dataType: 'MemberList', mutability: 'ReadWrite', value: '', valuesList: measurands }),
  v({ component: 'SampledDataCtrlr', variable: 'TxEndedInterval', dataType: 'integer', mutability: 'ReadWrite', value: '0', unit: 's', min: 0 }),
  v({ component: 'SampledDataCtrlr', variable: 'TxEndedMeasurands', dataType: 'MemberList', mutability: 'ReadWrite', value: '', valuesList: measurands }),
  // AlignedDataCtrlr
  v({ component: 'AlignedDataCtrlr', variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
  v({ component: 'AlignedDataCtrlr', variable: 'Interval', dataType: 'integer', mutability: 'ReadWrite', value: '0', unit: 's', min: 0 }),
  v({ component: 'AlignedDataCtrlr', variable: 'Measurands', dataType: 'MemberList', mutability: 'ReadWrite', value: 'Energy.Active.Import.Register', valuesList: measurands }),
  v({ component: 'AlignedDataCtrlr', variable: 'SendDuringIdle', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
  v({ component: 'AlignedDataCtrlr', variable: 'TxEndedInterval', dataType: 'integer', mutability: 'ReadWrite', value: '0', unit: 's', min: 0 }),
  v({ component: 'AlignedDataCtrlr', variable: 'TxEndedMeasurands', dataType: 'MemberList', mutability: 'ReadWrite', value: '', valuesList: measurands }),
  // DeviceDataCtrlr
  v({ component: 'DeviceDataCtrlr', variable: 'ItemsPerMessage', variableInstance: 'GetReport', dataType: 'integer', mutability: 'ReadOnly', value: '20' }),
  v({ component: 'DeviceDataCtrlr', variable: 'ItemsPerMessage', variableInstance: 'GetVariables', dataType: 'integer', mutability: 'ReadOnly', value: '20' }),
  v({ component: 'DeviceDataCtrlr', variable: 'ItemsPerMessage', variableInstance: 'SetVariables', dataType: 'integer', mutability: 'ReadOnly', value: '20' }),
  v({ component: 'DeviceDataCtrlr', variable: 'BytesPerMessage', variableInstance: 'GetReport', dataType: 'integer', mutability: 'ReadOnly', value: '65000' }),
  v({ component: 'DeviceDataCtrlr', variable: 'BytesPerMessage', variableInstance: 'GetVariables', dataType: 'integer', mutability: 'ReadOnly', value: '65000' }),
  v({ component: 'DeviceDataCtrlr', variable: 'BytesPerMessage', variableInstance: 'SetVariables', dataType: 'integer', mutability: 'ReadOnly', value: '65000' }),
  // SecurityCtrlr
  v({ component: 'SecurityCtrlr', variable: 'SecurityProfile', dataType: 'integer', mutability: 'ReadOnly', value: '0' }),
  v({ component: 'SecurityCtrlr', variable: 'Identity', dataType: 'string', mutability: 'ReadWrite', value: 'CP001', rebootRequired: true }),
  v({ component: 'SecurityCtrlr', variable: 'OrganizationName', dataType: 'string', mutability: 'ReadWrite', value: 'ocpp-conform' }),
  v({ component: 'SecurityCtrlr', variable: 'CertificateEntries', dataType: 'integer', mutability: 'ReadOnly', value: '0' }),
  // ClockCtrlr, CustomizationCtrlr, ReservationCtrlr, SmartChargingCtrlr: present for reports
  v({ component: 'ClockCtrlr', variable: 'DateTime', dataType: 'dateTime', mutability: 'ReadOnly', value: '' }),
  v({ component: 'ClockCtrlr', variable: 'TimeSource', dataType: 'SequenceList', mutability: 'ReadWrite', value: 'Heartbeat', valuesList: ['Heartbeat', 'NTP', 'GPS', 'RealTimeClock', 'MobileNetwork', 'RadioTimeTransmitter'] }),
  v({ component: 'ReservationCtrlr', variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
  v({ component: 'ReservationCtrlr', variable: 'Available', dataType: 'boolean', mutability: 'ReadOnly', value: 'false' }),
  v({ component: 'SmartChargingCtrlr', variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
  v({ component: 'SmartChargingCtrlr', variable: 'Available', dataType: 'boolean', mutability: 'ReadOnly', value: 'false' }),
  // ChargingStation
  v({ component: 'ChargingStation', variable: 'AvailabilityState', dataType: 'OptionList', mutability: 'ReadOnly', value: 'Available', valuesList: ['Available', 'Occupied', 'Reserved', 'Unavailable', 'Faulted'] }),
  v({ component: 'ChargingStation', variable: 'Available', dataType: 'boolean', mutability: 'ReadOnly', value: 'true' }),
  v({ component: 'ChargingStation', variable: 'Model', dataType: 'string', mutability: 'ReadOnly', value: '' }),
  v({ component: 'ChargingStation', variable: 'VendorName', dataType: 'string', mutability: 'ReadOnly', value: '' }),
  v({ component: 'ChargingStation', variable: 'SupplyPhases', dataType: 'integer', mutability: 'ReadOnly', value: '3' }),
];

/** EVSE and Connector components for a layout: evses[i] = number of connectors of EVSE i+1. */
export function layoutVariables(evses: readonly number[]): VariableSpec[] {
  const out: VariableSpec[] = [];
  evses.forEach((connectors, index) => {
    const id = index + 1;
    out.push(v({ component: 'EVSE', evse: { id }, variable: 'AvailabilityState', dataType: 'OptionList', mutability: 'ReadOnly', value: 'Available', valuesList: ['Available', 'Occupied', 'Reserved', 'Unavailable', 'Faulted'] }));
    out.push(v({ component: 'EVSE', evse: { id }, variable: 'Available', dataType: 'boolean', mutability: 'ReadOnly', value: 'true' }));
    out.push(v({ component: 'EVSE', evse: { id }, variable: 'Power', dataType: 'decimal', mutability: 'ReadOnly', value: '0', unit: 'W' }));
    for (let c = 1; c <= connectors; c++) {
      out.push(v({ component: 'Connector', evse: { id, connectorId: c }, variable: 'AvailabilityState', dataType: 'OptionList', mutability: 'ReadOnly', value: 'Available', valuesList: ['Available', 'Occupied', 'Reserved', 'Unavailable', 'Faulted'] }));
      out.push(v({ component: 'Connector', evse: { id, connectorId: c }, variable: 'Available', dataType: 'boolean', mutability: 'ReadOnly', value: 'true' }));
      out.push(v({ component: 'Connector', evse: { id, connectorId: c }, variable: 'ConnectorType', dataType: 'string', mutability: 'ReadOnly', value: 'cType2' }));
    }
  });
  return out;
}
