/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_35_CS — Get Charging Profile - EvseId > 0 + chargingProfilePurpose: GetChargingProfiles for the EVSE and the configured purpose (TxDefaultProfile) reports only profiles of that purpose (Part 2 K09.FR.02, K09.FR.04).
 * Errata 2025-01 §6.2.18: the case starts from Charging State EnergyTransferStarted. The memory state
 * puts only a TxDefaultProfile on the EVSE, so a configured purpose other than TxDefaultProfile
 * cannot be reported there: the case is inconclusive then.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { getProfilesCase } from './get-profiles.js';
import { kConfig, smartChargingM } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_35_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Get Charging Profile - EvseId > 0 + chargingProfilePurpose',
  useCases: ['K09'],
  requirements: ['K09.FR.02', 'K09.FR.04'],
  certification: smartChargingM,
  validations: [
    { step: 2, checks: 'GetChargingProfilesResponse status Accepted' },
    { step: 3, checks: 'ReportChargingProfiles with the generated requestId holding the profile of the configured purpose on the EVSE' },
    { step: 'post', checks: 'every report arrived (the last one says tbc false; checked with step 3)' },
  ],
  detects: ['no-report-charging-profiles'],
  async run(ctx) {
    const purpose = kConfig(ctx).purpose;
    if (purpose !== 'TxDefaultProfile') ctx.inconclusive(`the configured chargingProfilePurpose is ${purpose}; the memory state of TC_K_35_CS installs only a TxDefaultProfile on the EVSE`);
    await getProfilesCase(ctx, { request: (k) => ({ evseId: k.evseId, chargingProfile: { chargingProfilePurpose: k.purpose } }), expect: ['def'], every: { what: 'has the configured chargingProfilePurpose', ok: (r, k) => r.profile['chargingProfilePurpose'] === k.purpose }, energyTransferStarted: true });
  },
});
