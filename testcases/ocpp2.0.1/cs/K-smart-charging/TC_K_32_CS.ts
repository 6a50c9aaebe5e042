/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_32_CS — Get Charging Profile - chargingProfileId: GetChargingProfiles by chargingProfileId reports that profile (Part 2 K09.FR.01, K09.FR.02).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { getProfilesCase } from './get-profiles.js';
import { smartChargingM } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_32_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Get Charging Profile - chargingProfileId',
  useCases: ['K09'],
  requirements: ['K09.FR.01', 'K09.FR.02'],
  certification: smartChargingM,
  validations: [
    { step: 2, checks: 'GetChargingProfilesResponse status Accepted' },
    { step: 3, checks: 'ReportChargingProfiles with the generated requestId holding the profile with the requested id' },
    { step: 'post', checks: 'every report arrived (the last one says tbc false; checked with step 3)' },
  ],
  detects: ['no-report-charging-profiles'],
  async run(ctx) {
    await getProfilesCase(ctx, { request: (_k, ids) => ({ chargingProfile: { chargingProfileId: [ids.max] } }), expect: ['max'], every: { what: 'has the requested chargingProfileId', ok: (r, k) => r.profile['id'] === k.profileId } });
  },
});
