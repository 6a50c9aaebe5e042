/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_48_CSMS: an external system (an EMS) set a charging limit at the
 * station outside a transaction; the simulated station tells the CSMS with NotifyChargingLimitRequest
 * (chargingLimitSource EMS), which the CSMS must answer (Part 2 K12).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'TC_K_48_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Set / Update External Charging Limit (not on a transaction)',
  useCases: ['K12'],
  certification: [],
  states: ['Idle'],
  validations: [],
  detects: ['smart-charging-notification-error'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the station sends NotifyChargingLimitRequest (source EMS); the CSMS answers', async () => {
      await ctx.callExpect('NotifyChargingLimit', { chargingLimit: { chargingLimitSource: 'EMS', isGridCritical: false } }, { describe: 'a NotifyChargingLimitResponse' });
    });
  },
});
