/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_31_CS — Get Charging Profile - No EvseId: GetChargingProfiles without evseId reports the profiles of every EVSE and of the station (Part 2 K09.FR.02, K09.FR.06).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { getProfilesCase } from './get-profiles.js';
import { smartChargingM } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_31_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Get Charging Profile - No EvseId',
  useCases: ['K09'],
  requirements: ['K09.FR.02', 'K09.FR.06'],
  certification: smartChargingM,
  validations: [
    { step: 2, checks: 'GetChargingProfilesResponse status Accepted' },
    { step: 3, checks: 'ReportChargingProfiles with the generated requestId holding both installed profiles' },
    { step: 'post', checks: 'every report arrived (the last one says tbc false; checked with step 3)' },
  ],
  detects: ['no-report-charging-profiles'],
  async run(ctx) {
    await getProfilesCase(ctx, { request: () => ({ chargingProfile: {} }), expect: ['max', 'def'] });
  },
});
