/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_36_CS — Get Charging Profile - EvseId > 0 + chargingProfilePurpose + stackLevel: GetChargingProfiles for the EVSE, TxDefaultProfile and the configured stackLevel reports only that (Part 2 K09.FR.02, K09.FR.04).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { getProfilesCase } from './get-profiles.js';
import { smartChargingM } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_36_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Get Charging Profile - EvseId > 0 + chargingProfilePurpose + stackLevel',
  useCases: ['K09'],
  requirements: ['K09.FR.02', 'K09.FR.04'],
  certification: smartChargingM,
  validations: [
    { step: 2, checks: 'GetChargingProfilesResponse status Accepted' },
    { step: 3, checks: 'ReportChargingProfiles with the generated requestId holding the TxDefaultProfile of the configured stackLevel on the EVSE' },
    { step: 'post', checks: 'every report arrived (the last one says tbc false; checked with step 3)' },
  ],
  detects: ['no-report-charging-profiles'],
  async run(ctx) {
    await getProfilesCase(ctx, { request: (k) => ({ evseId: k.evseId, chargingProfile: { chargingProfilePurpose: 'TxDefaultProfile', stackLevel: k.stackLevel } }), expect: ['def'], every: { what: 'is a TxDefaultProfile of the configured stackLevel', ok: (r, k) => r.profile['chargingProfilePurpose'] === 'TxDefaultProfile' && r.profile['stackLevel'] === k.stackLevel }, stackLevels: (k) => ({ max: k.stackLevel, def: k.stackLevel }) });
  },
});
