/**
 * The OCPP 2.0.1 device model of the reference station, as data: components and variables named
 * as in Part 2 appendices (dm_components_vars), with data type, mutability, unit and default.
 * Per-EVSE / per-connector entries are generated from the station layout by `layoutVariables`.
 * The blocks' own controller variables live in their modules (station/v201/*.ts `variables`).
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

export const measurands = [
  'Energy.Active.Import.Register',
  'Power.Active.Import',
  'Current.Import',
  'Voltage',
  'SoC',
] as const;
export const txPoints = ['ParkingBayOccupancy', 'EVConnected', 'Authorized', 'DataSigned', 'PowerPathClosed', 'EnergyTransfer'] as const;

export const v = (spec: VariableSpec): VariableSpec => spec;

/**
 * The variables of the station core (its timers and clock, the ChargingStation component); every
 * functional block declares its own controller's variables in its module (`variables`).
 */
export const coreVariables: readonly VariableSpec[] = [
  // OCPPCommCtrlr (Part 2 §2.1; Part 4 §5.3 reconnect back-off)
  v({ component: 'OCPPCommCtrlr', variable: 'HeartbeatInterval', dataType: 'integer', mutability: 'ReadWrite', value: '60', unit: 's', min: 1 }),
  v({ component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', dataType: 'integer', mutability: 'ReadWrite', value: '60', unit: 's', min: 0 }),
  v({ component: 'OCPPCommCtrlr', variable: 'MessageTimeout', variableInstance: 'Default', dataType: 'integer', mutability: 'ReadOnly', value: '30', unit: 's' }),
  v({ component: 'OCPPCommCtrlr', variable: 'MessageAttempts', variableInstance: 'TransactionEvent', dataType: 'integer', mutability: 'ReadWrite', value: '3', min: 0 }),
  v({ component: 'OCPPCommCtrlr', variable: 'MessageAttemptInterval', variableInstance: 'TransactionEvent', dataType: 'integer', mutability: 'ReadWrite', value: '10', unit: 's', min: 0 }),
  v({ component: 'OCPPCommCtrlr', variable: 'RetryBackOffWaitMinimum', dataType: 'integer', mutability: 'ReadWrite', value: '10', unit: 's', min: 0 }),
  v({ component: 'OCPPCommCtrlr', variable: 'RetryBackOffRandomRange', dataType: 'integer', mutability: 'ReadWrite', value: '0', unit: 's', min: 0 }),
  v({ component: 'OCPPCommCtrlr', variable: 'RetryBackOffRepeatTimes', dataType: 'integer', mutability: 'ReadWrite', value: '3', min: 0 }),
  v({ component: 'OCPPCommCtrlr', variable: 'NetworkConfigurationPriority', dataType: 'SequenceList', mutability: 'ReadWrite', value: '1', valuesList: ['1', '2'], rebootRequired: true }),
  v({ component: 'OCPPCommCtrlr', variable: 'NetworkProfileConnectionAttempts', dataType: 'integer', mutability: 'ReadWrite', value: '3', min: 0 }),
  v({ component: 'OCPPCommCtrlr', variable: 'FileTransferProtocols', dataType: 'MemberList', mutability: 'ReadOnly', value: 'HTTPS', valuesList: ['FTP', 'FTPS', 'HTTP', 'HTTPS', 'SFTP'] }),
  v({ component: 'OCPPCommCtrlr', variable: 'ResetRetries', dataType: 'integer', mutability: 'ReadWrite', value: '1', min: 0 }),
  v({ component: 'OCPPCommCtrlr', variable: 'UnlockOnEVSideDisconnect', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
  v({ component: 'OCPPCommCtrlr', variable: 'WebSocketPingInterval', dataType: 'integer', mutability: 'ReadWrite', value: '0', unit: 's', min: 0 }),
  v({ component: 'OCPPCommCtrlr', variable: 'QueueAllMessages', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
  // ClockCtrlr: present for reports
  v({ component: 'ClockCtrlr', variable: 'DateTime', dataType: 'dateTime', mutability: 'ReadOnly', value: '' }),
  v({ component: 'ClockCtrlr', variable: 'TimeSource', dataType: 'SequenceList', mutability: 'ReadWrite', value: 'Heartbeat', valuesList: ['Heartbeat', 'NTP', 'GPS', 'RealTimeClock', 'MobileNetwork', 'RadioTimeTransmitter'] }),
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
    // Part 2 dm_components_vars.csv: SupplyPhases is required for EVSE and Connector too.
    out.push(v({ component: 'EVSE', evse: { id }, variable: 'SupplyPhases', dataType: 'integer', mutability: 'ReadOnly', value: '3' }));
    for (let c = 1; c <= connectors; c++) {
      out.push(v({ component: 'Connector', evse: { id, connectorId: c }, variable: 'AvailabilityState', dataType: 'OptionList', mutability: 'ReadOnly', value: 'Available', valuesList: ['Available', 'Occupied', 'Reserved', 'Unavailable', 'Faulted'] }));
      out.push(v({ component: 'Connector', evse: { id, connectorId: c }, variable: 'Available', dataType: 'boolean', mutability: 'ReadOnly', value: 'true' }));
      out.push(v({ component: 'Connector', evse: { id, connectorId: c }, variable: 'ConnectorType', dataType: 'string', mutability: 'ReadOnly', value: 'cType2' }));
      out.push(v({ component: 'Connector', evse: { id, connectorId: c }, variable: 'SupplyPhases', dataType: 'integer', mutability: 'ReadOnly', value: '3' }));
    }
  });
  return out;
}

/** The order of components in a report (Get/BaseReport), whichever module declared them; others follow. */
export const componentOrder: readonly string[] = [
  'OCPPCommCtrlr', 'TxCtrlr', 'AuthCtrlr', 'AuthCacheCtrlr', 'LocalAuthListCtrlr', 'SampledDataCtrlr', 'AlignedDataCtrlr',
  'DeviceDataCtrlr', 'SecurityCtrlr', 'ClockCtrlr', 'ReservationCtrlr', 'SmartChargingCtrlr', 'ChargingStation',
];

/** Specs in report order: by componentOrder, stable within a component and for unlisted components. */
export function inReportOrder(specs: readonly VariableSpec[]): VariableSpec[] {
  const rank = (s: VariableSpec): number => {
    const i = componentOrder.indexOf(s.component);
    return i === -1 ? componentOrder.length : i;
  };
  return [...specs].sort((a, b) => rank(a) - rank(b));
}
