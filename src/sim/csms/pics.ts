/**
 * What the reference CSMS says about itself: its answers to the PICS items the catalogue's
 * conditions ask (2.0.1 Part 5 items of the CSMS side; 1.6 feature profiles). Facts of the
 * simulator, held against every case condition by test/sim/pics.test.ts (see station/pics.ts).
 */
import type { SimPicsValue } from '../types.js';

type Answers = Readonly<Record<string, SimPicsValue>>;

const csms16: Answers = {
  'FP-Core': true,
  'FP-LocalAuthListManagement': true,
  'FP-RemoteTrigger': true,
  'FP-Reservation': true,
  'FP-FirmwareManagement': true,
  'FP-SmartCharging': true,
  // Security Whitepaper certificate management (v16/certificates.ts triggers).
  'SEC-CertificateManagement': true,
  // Security Whitepaper log retrieval (v16/security-log.ts trigger).
  'SEC-SecurityLog': true,
  // Security Whitepaper signed firmware update (v16/signed-firmware.ts trigger).
  'SEC-SignedFirmwareUpdate': true,
};

const csms201: Answers = {
  // UnlockConnector when asked (block F triggers).
  'C-11': true,
  'C-13': true,
  // CustomerInformation by customerIdentifier when asked (block N triggers).
  'C-14': true,
  // UpdateFirmware with a retrieve / install time when asked (block L triggers).
  'C-15': true,
  // GetTransactionStatus when asked (block E triggers).
  'C-16': true,
  'C-17': true,
  // TriggerMessage for every message the station side may be asked for.
  'C-29': true,
  'C-29.1': true,
  'C-29.2': true,
  'C-29.3': true,
  'C-29.4': true,
  'C-29.5': true,
  'ISO-3': false,
  // CustomerInformation by customer certificate hash data when asked (block N triggers).
  'ISO-4': true,
  // The boot policy can be set to Pending first (setBootPolicy); unknown identities are refused at the upgrade.
  'C-44': true,
  'AQ-6': true,
  'C-45': true,
  'C-46': true,
  'C-50.2': true,
  'C-56': true,
  'LA-2': true,
  // ReserveNow for a connectorType and for an unspecified EVSE when asked (block H triggers).
  'R-1': true,
  'R-2': true,
  // TxDefaultProfile on EVSE id 0 when asked (block K triggers).
  'SC-4': true,
};

/** The reference CSMS's own PICS answers for an OCPP version (a copy). */
export function csmsPics(version: string): Record<string, SimPicsValue> {
  return { ...(version === '1.6' ? csms16 : csms201) };
}
