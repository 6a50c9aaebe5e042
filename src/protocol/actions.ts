/**
 * The per-version action catalogue: which actions exist and who may send the CALL.
 *
 * The list of actions is the list of built-in schemas (src/protocol/schemas.ts); the direction
 * comes from the specifications, in the tables below. test/protocol/actions.test.ts fails when a
 * schema action has no direction or a direction names an action without a schema.
 */
import { schemaActionsOf, builtinSchemaOf } from './schemas.js';
import type { OcppVersion, Role } from './versions.js';

/** Who may send the CALL (or, for a 2.1 SEND-only action, the SEND). */
export type Sender = Role | 'both';

export interface ActionInfo {
  action: string;
  sender: Sender;
  /**
   * False for an action with no response schema: the 2.1 SEND-only NotifyPeriodicEventStream
   * (2.1 Part 4 §4.2.4: a SEND gets no CALLRESULT nor CALLERROR).
   */
  hasResponse: boolean;
}

const words = (s: string): string[] => s.split(/\s+/).filter((w) => w !== '');

/**
 * OCPP 1.6 edition 2: chapter 4 "Operations Initiated by Charge Point", chapter 5 "Operations
 * Initiated by Central System"; DataTransfer is in both (§4.3 and §5.6). The Security Whitepaper
 * edition 3 chapter 5 states the direction in each message definition (§5.1–§5.22).
 */
const directions16 = {
  cs: words(`
    Authorize BootNotification DiagnosticsStatusNotification FirmwareStatusNotification Heartbeat
    MeterValues StartTransaction StatusNotification StopTransaction
    LogStatusNotification SecurityEventNotification SignCertificate SignedFirmwareStatusNotification`),
  csms: words(`
    CancelReservation ChangeAvailability ChangeConfiguration ClearCache ClearChargingProfile
    GetCompositeSchedule GetConfiguration GetDiagnostics GetLocalListVersion RemoteStartTransaction
    RemoteStopTransaction ReserveNow Reset SendLocalList SetChargingProfile TriggerMessage
    UnlockConnector UpdateFirmware
    CertificateSigned DeleteCertificate ExtendedTriggerMessage GetInstalledCertificateIds GetLog
    InstallCertificate SignedUpdateFirmware`),
  both: ['DataTransfer'],
};

/**
 * OCPP 2.0.1 (Part 2 use cases; the Part 6 test cases show each message's direction in their
 * sequence columns). DataTransfer may be sent by either side (use cases P01/P02).
 */
const directions201 = {
  cs: words(`
    Authorize BootNotification ClearedChargingLimit FirmwareStatusNotification Get15118EVCertificate
    GetCertificateStatus Heartbeat LogStatusNotification MeterValues NotifyChargingLimit
    NotifyCustomerInformation NotifyDisplayMessages NotifyEVChargingNeeds NotifyEVChargingSchedule
    NotifyEvent NotifyMonitoringReport NotifyReport PublishFirmwareStatusNotification
    ReportChargingProfiles ReservationStatusUpdate SecurityEventNotification SignCertificate
    StatusNotification TransactionEvent`),
  csms: words(`
    CancelReservation CertificateSigned ChangeAvailability ClearCache ClearChargingProfile
    ClearDisplayMessage ClearVariableMonitoring CostUpdated CustomerInformation DeleteCertificate
    GetBaseReport GetChargingProfiles GetCompositeSchedule GetDisplayMessages
    GetInstalledCertificateIds GetLocalListVersion GetLog GetMonitoringReport GetReport
    GetTransactionStatus GetVariables InstallCertificate PublishFirmware RequestStartTransaction
    RequestStopTransaction ReserveNow Reset SendLocalList SetChargingProfile SetDisplayMessage
    SetMonitoringBase SetMonitoringLevel SetNetworkProfile SetVariableMonitoring SetVariables
    TriggerMessage UnlockConnector UnpublishFirmware UpdateFirmware`),
  both: ['DataTransfer'],
};

/**
 * OCPP 2.1: every 2.0.1 message keeps its direction; the additions follow their 2.1 use cases
 * (tariffs and cost, DER control, periodic event streams, battery swap, priority charging,
 * dynamic schedules, web payment). NotifyPeriodicEventStream is a SEND from the station.
 */
const directions21 = {
  cs: [
    ...directions201.cs,
    ...words(`
      BatterySwap ClosePeriodicEventStream GetCertificateChainStatus NotifyDERAlarm NotifyDERStartStop
      NotifyPeriodicEventStream NotifyPriorityCharging NotifySettlement OpenPeriodicEventStream
      PullDynamicScheduleUpdate ReportDERControl VatNumberValidation`),
  ],
  csms: [
    ...directions201.csms,
    ...words(`
      AFRRSignal AdjustPeriodicEventStream ChangeTransactionTariff ClearDERControl ClearTariffs
      GetDERControl GetPeriodicEventStream GetTariffs NotifyAllowedEnergyTransfer
      NotifyWebPaymentStarted RequestBatterySwap SetDERControl SetDefaultTariff UpdateDynamicSchedule
      UsePriorityCharging`),
  ],
  both: ['DataTransfer'],
};

const directionTables: Record<OcppVersion, { cs: string[]; csms: string[]; both: string[] }> = {
  '1.6': directions16,
  '2.0.1': directions201,
  '2.1': directions21,
};

/** The direction table of a version as written (for tests that cross-check it against the schemas). */
export function declaredSenders(version: OcppVersion): ReadonlyMap<string, Sender> {
  const out = new Map<string, Sender>();
  const table = directionTables[version];
  for (const sender of ['cs', 'csms', 'both'] as const) for (const action of table[sender]) out.set(action, sender);
  return out;
}

const catalogueCache = new Map<OcppVersion, ReadonlyMap<string, ActionInfo>>();

function catalogue(version: OcppVersion): ReadonlyMap<string, ActionInfo> {
  const cached = catalogueCache.get(version);
  if (cached) return cached;
  const senders = declaredSenders(version);
  const out = new Map<string, ActionInfo>();
  for (const action of schemaActionsOf(version)) {
    const sender = senders.get(action);
    // An action without a direction is left out rather than guessed; the actions test catches it.
    if (sender === undefined) continue;
    out.set(action, { action, sender, hasResponse: builtinSchemaOf(version, action, 'response') !== undefined });
  }
  catalogueCache.set(version, out);
  return out;
}

/** Forget the built catalogues (tests: under mutation testing each run must build its own). */
export function resetActionCatalogueCache(): void {
  catalogueCache.clear();
}

/** Every action of a version, sorted. */
export function actionsOf(version: OcppVersion): readonly string[] {
  return [...catalogue(version).keys()];
}

/** Every action of a version with its sender. */
export function actionCatalogue(version: OcppVersion): readonly ActionInfo[] {
  return [...catalogue(version).values()];
}

export function isKnownAction(version: OcppVersion, action: string): boolean {
  return catalogue(version).has(action);
}

/** Who may send the CALL of `action`, or undefined for an action the version does not have. */
export function senderOf(version: OcppVersion, action: string): Sender | undefined {
  return catalogue(version).get(action)?.sender;
}

/** May a party playing `role` send the CALL of `action`? False for unknown actions. */
export function maySend(version: OcppVersion, role: Role, action: string): boolean {
  const sender = senderOf(version, action);
  return sender === 'both' || sender === role;
}

/** Does `action` get a CALLRESULT? False for SEND-only actions and unknown actions. */
export function expectsResponse(version: OcppVersion, action: string): boolean {
  return catalogue(version).get(action)?.hasResponse ?? false;
}
