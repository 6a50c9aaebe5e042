/**
 * How the harness makes the DUT do what a step needs. The engine defines the vocabulary and the
 * interface; src/dut/ implements the adapters (sim, http, exec, prompt).
 */

/**
 * Manual actions of Part 6 (what a person does at the station) and triggers that make a CSMS
 * send something. Names are stable: they appear in http/exec payloads and prompt texts.
 */
export const dutActions = {
  // Station side (SUT = charging station): what a person or the EV does.
  plugIn: 'Plug in the EV cable (EV side and station side)',
  unplug: 'Unplug the EV cable',
  plugInStationSide: 'Plug the cable in at the station side only',
  unplugStationSide: 'Unplug the cable at the station side only',
  unplugEvSide: 'Unplug the cable at the EV side only (it stays in the station)',
  plugInEvSide: 'Plug the cable back in at the EV side (it stayed in the station)',
  /** ISO 15118 (Part 2 E15): the EV ends the charging session with SessionStopReq(Terminate). */
  evStopsSession: 'Let the ISO 15118 EV end the charging session (SessionStopReq Terminate)',
  presentIdToken: 'Present an idToken (card) at the station',
  /** ISO 15118 Plug & Charge (Part 2 C07): the connected EV authorizes with its contract certificate. */
  presentContractCertificate: 'Let the connected ISO 15118 EV authorize with its contract certificate (Plug & Charge)',
  /** Part 2 C16.FR.01 (a station with a user interface): params.all = true, or the EVSE of params.evseId. */
  selectMasterPassStop: 'After presenting the master pass: select at the user interface the transactions to stop (all of them, or the one of the given EVSE)',
  driveIn: 'Drive the EV into the parking bay',
  driveOut: 'Drive the EV out of the parking bay',
  suspendEnergyTransfer: 'Let the EV suspend the energy transfer',
  resumeEnergyTransfer: 'Let the EV resume the energy transfer',
  powerCycle: 'Power-cycle (reboot) the charging station',
  goOffline: 'Take the station offline (break its connection to the CSMS)',
  goOnline: 'Bring the station back online',
  setFaulted: 'Put a connector in the Faulted state',
  clearFault: 'Clear the connector fault (Available again)',
  // OCTT 1.6 TC_024_CS / TC_030_CS: the connector's retention lock failing either way.
  plugInHalfway: 'Push the cable only halfway into the station-side socket (the connector lock cannot close)',
  jamConnectorLock: 'Block the connector lock so that it cannot open',
  freeConnectorLock: 'Free the connector lock again (it opens and closes normally)',
  reconfigure: 'Change a station setting by hand',
  /** OCTT 1.6 TC_043_3_CS prerequisite: params.on = true puts it in, false takes it out again. */
  failLocalListUpdate: 'Put the charge point in a state in which it fails to store a Local Authorization List (on=false: back to normal)',
  /** Part 6 TC_N_62_CS memory state: params.customerIdentifier. */
  storeCustomerIdentifier: 'Store the given customerIdentifier (customer information) at the charging station by hand',
  // CSMS side (SUT = CSMS): make the CSMS send a CALL to the harness-as-station.
  triggerReset: 'Make the CSMS send Reset',
  triggerRequestStartTransaction: 'Make the CSMS send RequestStartTransaction (1.6: RemoteStartTransaction)',
  triggerRequestStopTransaction: 'Make the CSMS send RequestStopTransaction (1.6: RemoteStopTransaction)',
  triggerChangeAvailability: 'Make the CSMS send ChangeAvailability',
  triggerSetVariables: 'Make the CSMS send SetVariables (1.6: ChangeConfiguration)',
  triggerGetVariables: 'Make the CSMS send GetVariables (1.6: GetConfiguration)',
  triggerGetReport: 'Make the CSMS send GetBaseReport / GetReport',
  triggerTriggerMessage: 'Make the CSMS send TriggerMessage',
  triggerSetChargingProfile: 'Make the CSMS send SetChargingProfile',
  triggerReserveNow: 'Make the CSMS send ReserveNow',
  triggerCancelReservation: 'Make the CSMS send CancelReservation',
  triggerUnlockConnector: 'Make the CSMS send UnlockConnector',
  triggerClearCache: 'Make the CSMS send ClearCache',
  triggerSendLocalList: 'Make the CSMS send SendLocalList',
  triggerGetLocalListVersion: 'Make the CSMS send GetLocalListVersion',
  triggerDataTransfer: 'Make the CSMS send DataTransfer',
  triggerSetNetworkProfile: 'Make the CSMS send SetNetworkProfile',
  triggerGetTransactionStatus: 'Make the CSMS send GetTransactionStatus (params.transactionId, or none)',
  // 1.6 Security Whitepaper M03-M05 (OCTT 1.6 TC_075_x / TC_076 / TC_078_CSMS).
  triggerInstallCertificate: 'Make the CSMS send InstallCertificate of the given root certificate (params.certificateType, params.certificate PEM)',
  triggerGetInstalledCertificateIds: 'Make the CSMS send GetInstalledCertificateIds (params.certificateType)',
  triggerDeleteCertificate: 'Make the CSMS delete the root certificate it just installed (params.certificateType)',
  triggerClearChargingProfile: 'Make the CSMS send ClearChargingProfile (by params.chargingProfileId, or by the criteria evseId / connectorId, chargingProfilePurpose, stackLevel; none: all profiles)',
  triggerGetChargingProfiles: 'Make the CSMS send GetChargingProfiles (params.evseId and the criteria chargingProfilePurpose, stackLevel, chargingProfileId, chargingLimitSource)',
  triggerGetCompositeSchedule: 'Make the CSMS send GetCompositeSchedule (params.evseId / connectorId, durationS, chargingRateUnit)',
  /** Part 2 N09/N10: params.report, params.clear and the customer (params.idToken, customerIdentifier or customerCertificate). */
  triggerCustomerInformation: 'Make the CSMS send CustomerInformation (get and/or clear the customer information named in the parameters)',
  /** OCPP 1.6 §5.19 (OCTT 1.6 TC_044_x_CSMS) and 2.0.1 Part 2 L01: params.location (2.0.1: signingCertificate, signature, retrieveDateTime, installDateTime; 1.6: retries / retryInterval). */
  triggerUpdateFirmware: 'Make the CSMS send UpdateFirmware of the firmware at params.location (2.0.1: with the signing certificate and signature it is configured with; retrieve / install times)',
  /** OCPP 1.6 §5.9 (OCTT 1.6 TC_045_x_CSMS). */
  triggerGetDiagnostics: 'Make the CSMS send GetDiagnostics to upload to params.location',
  /** Part 2 L03/L04 (Local Controller): params.location, checksum (MD5 hex), retries, retryInterval / params.checksum. */
  triggerPublishFirmware: 'Make the CSMS send PublishFirmware (the firmware location and MD5 checksum to publish on the Local Controller)',
  triggerUnpublishFirmware: 'Make the CSMS send UnpublishFirmware (the MD5 checksum of the published firmware)',
  /** 1.6 Security Whitepaper N01 (OCTT 1.6 TC_079_CSMS). */
  triggerGetLog: 'Make the CSMS send GetLog (params.logType SecurityLog or DiagnosticsLog, params.remoteLocation the upload URL)',
  /** 1.6 Security Whitepaper L01 (OCTT 1.6 TC_081_CSMS). */
  triggerSignedUpdateFirmware: 'Make the CSMS send SignedUpdateFirmware (params.location, params.signingCertificate PEM, params.signature base64)',
  triggerCall: 'Make the CSMS send the CALL named in params.action',
  /** Robustness (IB-22): the operator sets the station's registration to Pending, then back to Accepted. */
  setRegistrationPending: 'Make the CSMS answer the next BootNotification of this station with Pending (then Accepted)',
  setRegistrationAccepted: 'Make the CSMS answer BootNotification of this station with Accepted again',
} as const;
export type DutActionName = keyof typeof dutActions;

export interface DutActionRequest {
  action: DutActionName;
  /** Action parameters (evseId, connectorId, idToken, type …). */
  params: Record<string, unknown>;
  /** Sentence for a person, with parameters filled in. */
  instruction: string;
  testCaseId: string;
  stationId: string;
  version: string;
}

export type DutActionResult =
  | { done: true; by?: string; atWall?: string; detail?: string }
  | { done: false; reason: string };

export interface DutAdapter {
  /** `sim`, `http`, `exec`, `prompt` — shown in reports. */
  readonly kind: string;
  perform(request: DutActionRequest, signal: AbortSignal): Promise<DutActionResult>;
  /**
   * Whether the adapter can do `action` at all (a `--dut map:` file lists what its DUT cannot do).
   * Absent: assume it can. False makes the cases needing it notApplicable at once, with `reasonUnsupported`.
   */
  supports?(action: DutActionName): boolean;
  /** Why an action is not supported (e.g. "the DUT map says: unsupported"). */
  reasonUnsupported?(action: DutActionName): string;
  close?(): Promise<void>;
}

export function instructionFor(action: DutActionName, params: Record<string, unknown>): string {
  const detail = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
  return detail ? `${dutActions[action]} (${detail})` : dutActions[action];
}
