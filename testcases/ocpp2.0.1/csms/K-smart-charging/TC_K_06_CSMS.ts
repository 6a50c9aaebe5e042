/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_06_CSMS: the CSMS clears one charging profile by its stack level
 * and purpose: ClearChargingProfileRequest criteria TxDefaultProfile, the configured stackLevel and
 * EVSE (Part 2 K10.FR.02); the simulated station had it and answers Accepted.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { clearByCriteria } from './clear-criteria.js';

export default defineTestCase({
  id: 'TC_K_06_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Clear Charging Profile - With stackLevel/purpose combination for one profile',
  useCases: ['K10'],
  requirements: ['K10.FR.02'],
  certification: [
    { profile: 'Smart Charging', need: 'M' },
    { profile: 'ISO 15118 Support', need: 'M' },
  ],
  states: ['Idle'],
  validations: [{ step: 1, checks: 'ClearChargingProfileRequest.chargingProfileCriteria: TxDefaultProfile, the configured stackLevel and evseId' }],
  detects: ['clear-profile-drops-stack-level', 'smart-charging-wrong-evse', 'ignores-trigger'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS clears the TxDefaultProfile of the configured stack level and EVSE, answered Accepted', () => clearByCriteria(ctx, 'Accepted'));
  },
});
