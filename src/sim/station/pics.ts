/**
 * What the reference station says about itself: its answers to the PICS items the catalogue's
 * conditions ask (2.0.1 Part 5 items and appendices, our 1.6 items for the OCTT 1.6 prerequisites).
 * These are facts of the simulator, not wishes: a case whose condition they fail does not apply to
 * it (the demo says so), and a hardware variant (a quirk with `pics`, e.g. `fixed-cable`) changes
 * the answers it is about. test/sim/pics.test.ts holds every item a case condition names to an
 * answer here, so a new condition cannot silently drop a case from the demo.
 */
import type { SimPicsValue } from '../types.js';

type Answers = Readonly<Record<string, SimPicsValue>>;

const station16: Answers = {
  // The feature profiles the simulator implements (1.6 §3: Core and the optional profiles).
  'FP-Core': true,
  'FP-LocalAuthListManagement': true,
  'FP-RemoteTrigger': true,
  'FP-Reservation': true,
  'FP-FirmwareManagement': true,
  'FP-SmartCharging': true,
  // Security Whitepaper certificate management (v16/security.ts).
  'SEC-CertificateManagement': true,
  // Security Whitepaper log upload (v16/security-log.ts).
  'SEC-SecurityLog': true,
  // Security Whitepaper signed firmware update (v16/signed-firmware.ts).
  'SEC-SignedFirmwareUpdate': true,
  // Hardware: a socket (detachable cable), no back-up power, one RFID reader per connector, a local stop button.
  'HW-FixedCable': false,
  'HW-BackupPower': false,
  'HW-SharedRfidReader': false,
  'HW-LocalStop': true,
  // Configuration keys (v16/core.ts): the cache exists, and these keys are read-write.
  'CFG-AuthorizationCacheEnabled': true,
  'CFG-LocalAuthorizeOffline': true,
  'CFG-ReserveConnectorZeroSupported': true,
  'CFG-AuthorizeRemoteTxRequestsSettable': true,
  'CFG-StopTransactionOnEVSideDisconnectSettable': true,
};

const station201: Answers = {
  // Part 5 core options the simulator implements: offline authorization (local list, cache, unknown ids).
  'C-01': true,
  'C-02': true,
  'C-03': true,
  // Both EV-side disconnect behaviours (TxCtrlr.StopTxOnEVSideDisconnect is ReadWrite).
  'C-06': true,
  'C-06.1': true,
  'C-06.2': true,
  // Master Pass without a user interface (C-08); `master-pass-ui` is the variant with one (C-07).
  'C-07': false,
  'C-08': true,
  // Every transaction start and stop point (TxCtrlr.TxStartPoint / TxStopPoint, block E).
  'C-09': true,
  'C-09.1': true,
  'C-09.2': true,
  'C-09.3': true,
  'C-09.4': true,
  'C-09.5': true,
  'C-09.6': true,
  'C-10': true,
  'C-10.1': true,
  'C-10.2': true,
  'C-10.3': true,
  'C-10.4': true,
  'C-10.5': true,
  // Both unlock behaviours after an EV-side disconnect (OCPPCommCtrlr.UnlockOnEVSideDisconnect, block E).
  'C-12': true,
  'C-12.1': true,
  'C-12.2': true,
  'C-13': true,
  // CustomerInformation by customerIdentifier (block N, customer-information.ts).
  'C-14': true,
  // TriggerMessage for every message of Part 2 F06 but SignCombinedCertificate (ISO-3 below).
  'C-29': true,
  'C-29.1': true,
  'C-29.2': true,
  'C-29.3': true,
  'C-29.4': true,
  'C-29.5': true,
  'C-29.6': true,
  // Clock-aligned meter values can be switched on and off while idle (AlignedDataCtrlr.Interval 0).
  'C-28': true,
  // Local start authorization: ISO 14443 / ISO 15693 cards, key codes; remote start (C-33 … C-36, C-39).
  'C-30': true,
  'C-31': true,
  'C-32': true,
  'C-33': true,
  'C-34': true,
  'C-35': true,
  'C-36': true,
  'C-39': true,
  // Configurable measurands (SampledDataCtrlr / AlignedDataCtrlr *.Measurands) and signed meter values (block J).
  'C-40': true,
  'C-42': true,
  // Remote starts with and without authorizing the idToken first (AuthCtrlr.AuthorizeRemoteStart is ReadWrite).
  'C-48': true,
  'C-48.1': true,
  'C-48.2': true,
  'C-49': true,
  // B10.FR.07: after NetworkProfileConnectionAttempts per profile, back to the last good one (network-profiles.ts).
  'C-47': true,
  // DisableRemoteAuthorization (AuthCtrlr, block C).
  'C-58': true,
  // TxStartPoint and TxStopPoint are ReadWrite.
  'C-51': true,
  'C-52': true,
  'C-53': true,
  'C-56': true,
  'C-59': true,
  // A second UpdateFirmware cancels the running update (AcceptedCanceled, firmware-status.ts).
  'C-60': true,
  // One station certificate for OCPP only; no combined OCPP / ISO 15118 certificate (SignCombinedCertificate is not implemented).
  'ISO-3': false,
  // ISO 15118 (Plug & Charge contract authorization, high-level communication with the EV).
  'CP-ISO15118Support': true,
  'ISO-5': true,
  // Charging profiles in A and in W (the minimal block K of TC_P_04_CS takes either).
  'SC-2': true,
  'SC-2.1': true,
  'SC-2.2': true,
  // A Local Authorization List (block D, LocalAuthListCtrlr).
  'LA-1': true,
  // TxDefaultProfile on evseId 0 (block K, smart-charging.ts).
  'SC-4': true,
  'LA-3': true,
  // M05 as network-profiles.ts does it: a new profile trusts the newly installed CSMS root, the old root
  // stays for the profile the station started with (the SecurityCtrlr variable itself comes with block A).
  'AS-2': true,
  // Appendix A: the driver does not have to select an EVSE before the authorization (one shared reader).
  'AQ-8': false,
  // Appendix A: no cable lock keeping the EV out before authorization (`cable-lock` is the variant with one).
  'AQ-2': false,
  // Appendix A: a hard-wired monitor (ChargingStation.Problem, block N monitoring.ts).
  'AQ-5': true,
  // The EV charges IEC 61851-1 Mode 3 (AC).
  'AQ-9': true,
  // Appendix B: AC EVSEs with a detachable cable.
  'HFS-1': true,
  'HFS-2': false,
  'HFS-3': true,
  'HFS-4': false,
  // The demo's 2.0.1 station has two EVSEs (demoEvses201 in src/cli/commands/demo.ts).
  'HFS-8': 2,
  // Block H (reservation.ts): unspecified-EVSE reservations (NonEvseSpecific), ReservationCtrlr.Enabled writable;
  // `evse-specific-reservations` is the variant without the first.
  'R-2': true,
  'R-3': true,
};

/** The reference station's own PICS answers for an OCPP version (a copy: callers may add to it). */
export function stationPics(version: string): Record<string, SimPicsValue> {
  return { ...(version === '1.6' ? station16 : station201) };
}
