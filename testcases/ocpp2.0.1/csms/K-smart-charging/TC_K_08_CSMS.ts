/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_08_CSMS: the CSMS clears a charging profile by stack level and
 * purpose (TxDefaultProfile, the configured stackLevel and EVSE) that the simulated station does
 * not have; it answers Unknown.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { clearByCriteria } from './clear-criteria.js';

export default defineTestCase({
  id: 'TC_K_08_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Clear Charging Profile - Without previous charging profile',
  useCases: ['K10'],
  certification: [
    { profile: 'Smart Charging', need: 'M' },
    { profile: 'ISO 15118 Support', need: 'M' },
  ],
  states: ['Idle'],
  validations: [{ step: 1, checks: 'ClearChargingProfileRequest: TxDefaultProfile, the configured stackLevel and evseId' }],
  detects: ['clear-profile-drops-stack-level', 'smart-charging-wrong-evse', 'ignores-trigger'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS clears a TxDefaultProfile the station does not have, answered Unknown', () => clearByCriteria(ctx, 'Unknown'));
  },
});
