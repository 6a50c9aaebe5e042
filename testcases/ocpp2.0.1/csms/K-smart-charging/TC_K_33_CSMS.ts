/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_33_CSMS: the CSMS asks for the profiles of the configured EVSE on the configured stack level.
 * The simulated station accepts and reports a matching profile (Part 2 K09).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { getChargingProfiles } from './get-profiles.js';
import { smartChargingValues } from './support.js';

export default defineTestCase({
  id: 'TC_K_33_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Get Charging Profile - EvseId > 0 + stackLevel',
  useCases: ['K09'],
  requirements: ['K09.FR.03'],
  certification: [
    { profile: 'Smart Charging', need: 'M' },
    { profile: 'ISO 15118 Support', need: 'M' },
  ],
  states: ['Idle'],
  validations: [{ step: 1, checks: 'GetChargingProfilesRequest evseId the configured EVSE, chargingProfile.stackLevel the configured one' }],
  detects: ['smart-charging-wrong-evse', 'get-charging-profiles-drops-criteria', 'ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    await getChargingProfiles(ctx, { evseId: ctx.config.evseId, stackLevel: v.stackLevel });
  },
});
