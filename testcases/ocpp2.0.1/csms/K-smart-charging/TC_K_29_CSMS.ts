/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_29_CSMS: during a transaction the CSMS asks for the profiles installed on the station itself: GetChargingProfilesRequest evseId 0 with the configured chargingProfilePurpose.
 * The simulated station accepts and reports a matching profile (Part 2 K09).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { getChargingProfiles } from './get-profiles.js';
import { smartChargingValues } from './support.js';

export default defineTestCase({
  id: 'TC_K_29_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Get Charging Profile - EvseId 0',
  useCases: ['K09'],
  requirements: ['K09.FR.03'],
  certification: [
    { profile: 'Smart Charging', need: 'M' },
    { profile: 'ISO 15118 Support', need: 'M' },
  ],
  states: ['EnergyTransferStarted'],
  validations: [{ step: 1, checks: 'GetChargingProfilesRequest evseId 0 and chargingProfile.chargingProfilePurpose the configured one' }],
  detects: ['smart-charging-wrong-evse', 'get-charging-profiles-drops-criteria', 'smart-charging-notification-error', 'ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    await getChargingProfiles(ctx, { evseId: 0, chargingProfilePurpose: v.chargingProfilePurpose });
  },
});
