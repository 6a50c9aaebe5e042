/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_30_CSMS: the CSMS asks for the profiles installed on the configured EVSE.
 * The simulated station accepts and reports a matching profile (Part 2 K09).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { getChargingProfiles } from './get-profiles.js';

export default defineTestCase({
  id: 'TC_K_30_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Get Charging Profile - EvseId > 0',
  useCases: ['K09'],
  requirements: ['K09.FR.03'],
  certification: [
    { profile: 'Smart Charging', need: 'M' },
    { profile: 'ISO 15118 Support', need: 'M' },
  ],
  states: ['Idle'],
  validations: [{ step: 1, checks: 'GetChargingProfilesRequest evseId the configured EVSE' }],
  detects: ['smart-charging-wrong-evse', 'smart-charging-notification-error', 'ignores-trigger'],
  async run(ctx) {
    await getChargingProfiles(ctx, { evseId: ctx.config.evseId });
  },
});
